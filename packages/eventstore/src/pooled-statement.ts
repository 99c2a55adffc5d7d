import type pg from "pg";
import { checkOut } from "./checked-out-client.ts";
import { databaseErrorFields } from "./event-store-errors.ts";

/**
 * One statement on a pooled connection, which goes back to the pool after the database
 * refused the statement. pg's `pool.query` destroys the connection after any error, so
 * every refused append (a taken slot, a stale version) would cost a new server process: a
 * fork and a login, tens of milliseconds on a small machine, at the very moment a crowd
 * is being refused. Only a connection that failed (no SQLSTATE, or lost) is destroyed.
 */
export async function runPooledStatement<Row extends pg.QueryResultRow>(
  pool: pg.Pool,
  statement: pg.QueryConfig,
): Promise<pg.QueryResult<Row>> {
  const { client, release } = await checkOut(pool);
  let failure: Error | undefined;
  try {
    return await client.query<Row>(statement);
  } catch (error) {
    if (!databaseErrorFields(error).sqlState) failure = error as Error;
    throw error;
  } finally {
    release(failure);
  }
}
