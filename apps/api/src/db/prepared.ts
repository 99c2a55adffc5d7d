import type { Compilable } from "kysely";
import type pg from "pg";

export interface PreparedResult<O> {
  rows: O[];
  /** Rows returned, or changed by an INSERT, UPDATE or DELETE. */
  rowCount: number;
}

/**
 * Runs a typed Kysely query as a named prepared statement: PostgreSQL parses and plans it
 * once per connection instead of on every call. For small statements on frequent paths:
 * the rate limit (every request), credentials (every cache miss), users by id or e-mail.
 * Kysely builds and checks the query; only running it goes past Kysely, which cannot name
 * a statement.
 *
 * One name, one text: the query's shape must not depend on the values (they are always
 * parameters); pg refuses a name reused for another text.
 */
export async function executePrepared<O>(
  pool: Pick<pg.Pool, "query">,
  name: string,
  query: Compilable<O>,
): Promise<PreparedResult<O>> {
  const { sql, parameters } = query.compile();
  const result = await pool.query({ name, text: sql, values: [...parameters] });
  return { rows: result.rows as O[], rowCount: result.rowCount ?? 0 };
}
