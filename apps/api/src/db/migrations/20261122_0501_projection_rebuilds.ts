import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Asynchronous projections (docs/adr/0011-asynchronous-projections-rebuilt-beside-the-served-rows.md)
// keep their checkpoints in the event store's subscriptions. A rebuild in progress is a row
// here: it makes every api process run the rebuild's runner, and it goes away in the
// transaction that swaps the rebuilt tables in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE projection_rebuilds (
      name text PRIMARY KEY,
      requested_at timestamptz NOT NULL,
      requested_by uuid
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE projection_rebuilds`.execute(db);
}
