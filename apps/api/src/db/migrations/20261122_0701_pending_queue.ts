import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// The admin's queue reads pending bookings, oldest request first, and counts them on every
// page of the admin's desk: a small partial index answers both without reading the rest.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX bookings_pending_by_age ON bookings (created_at, id) WHERE status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX bookings_pending_by_age`.execute(db);
}
