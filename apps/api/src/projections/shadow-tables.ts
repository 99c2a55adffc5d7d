import { type Kysely, sql } from "kysely";
import type pg from "pg";
import type { Database } from "../db/schema.ts";
import type { AsyncProjection } from "./async-projection.ts";

/** Where a rebuild fills its copies of the projection's tables: a schema of its own. */
export function shadowSchemaOf(name: string): string {
  return `projection_rebuild_${name}`;
}

/** Empty copies (columns, defaults, constraints, indexes) in the rebuild's schema. */
export async function createShadowTables(
  db: Kysely<Database>,
  projection: AsyncProjection,
): Promise<void> {
  const schema = shadowSchemaOf(projection.name);
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
  for (const table of projection.tables) {
    await sql`CREATE TABLE ${sql.id(schema, table)} (LIKE ${sql.table(table)} INCLUDING ALL)`.execute(
      db,
    );
  }
}

/**
 * The served tables are dropped and the copies take their place under the same names, in
 * the caller's transaction: readers wait for the commit (milliseconds) and then read the
 * rebuilt rows; nobody reads a half-filled table.
 */
export async function swapInShadowTables(
  db: Kysely<Database>,
  projection: AsyncProjection,
): Promise<void> {
  const schema = shadowSchemaOf(projection.name);
  const { rows } = await sql<{ live: string }>`SELECT current_schema() AS live`.execute(db);
  const live = rows[0]?.live;
  if (!live) throw new Error("No current schema to swap the rebuilt tables into");
  for (const table of projection.tables) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
    await sql`ALTER TABLE ${sql.id(schema, table)} SET SCHEMA ${sql.id(live)}`.execute(db);
  }
  await sql`DROP SCHEMA ${sql.id(schema)}`.execute(db);
}

/**
 * Points the batch's unqualified table names at the copies (for this transaction only):
 * the handler's queries, raw SQL and prepared statements alike, without knowing it.
 */
export async function useShadowTables(client: pg.PoolClient, name: string): Promise<void> {
  await client.query({
    name: "booking_projection_shadow_path",
    text: "SELECT set_config('search_path', quote_ident($1) || ', ' || current_setting('search_path'), true)",
    values: [shadowSchemaOf(name)],
  });
}

/** The `ON schema.table` part of an index definition, which differs between copy and served. */
const INDEX_TABLE = String.raw` ON \S+ `;

/**
 * Whether the copies still have the served tables' shape (columns with their types and
 * nullability, indexes): a migration deployed during a rebuild may have changed the served
 * tables, and copies made before it must not replace them.
 */
export async function shadowTablesMatch(
  db: Kysely<Database>,
  projection: AsyncProjection,
): Promise<boolean> {
  const schema = shadowSchemaOf(projection.name);
  for (const table of projection.tables) {
    const { rows } = await sql<{ side: string; shape: string }>`
      WITH side (side, rel) AS (VALUES
        ('served', to_regclass(quote_ident(${table}))),
        ('copy', to_regclass(quote_ident(${schema}) || '.' || quote_ident(${table}))))
      SELECT side.side,
        (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                  || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', ' ORDER BY a.attnum)
           FROM pg_attribute a WHERE a.attrelid = side.rel AND a.attnum > 0 AND NOT a.attisdropped)
        || ' | ' ||
        coalesce((SELECT string_agg(def, ', ' ORDER BY def) FROM (
           SELECT regexp_replace(pg_get_indexdef(i.indexrelid), ${INDEX_TABLE}, ' ON ') AS def
           FROM pg_index i WHERE i.indrelid = side.rel) indexes), '') AS shape
      FROM side WHERE side.rel IS NOT NULL`.execute(db);
    const served = rows.find((row) => row.side === "served")?.shape;
    const copy = rows.find((row) => row.side === "copy")?.shape;
    if (served === undefined || served !== copy) return false;
  }
  return true;
}
