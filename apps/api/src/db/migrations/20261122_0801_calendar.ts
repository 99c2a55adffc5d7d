import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// The calendar read model (calendar/calendar.projection.ts), written asynchronously from
// the log. A rebuild copies the table with `LIKE … INCLUDING ALL` and swaps the copy in,
// so: no triggers, no foreign keys, no serial columns, and index names that are
// PostgreSQL's defaults (a copy gets the same ones).
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per booking and resource, for the bookings a calendar shows (held, pending,
  // confirmed, completed, no-show). No names or other personal data: the booker is a user
  // id (a pseudonym) or none (a guest); labels are joined at query time, so an erasure
  // needs nothing here. Dates are local "YYYY-MM-DD" text, like the events carry them.
  await sql`
    CREATE TABLE calendar_entries (
      booking_id uuid NOT NULL,
      resource_id uuid NOT NULL,
      venue_id uuid NOT NULL,
      status text NOT NULL,
      start_at timestamptz NOT NULL,
      end_at timestamptz NOT NULL,
      check_in text,
      check_out text,
      user_id uuid,
      PRIMARY KEY (booking_id, resource_id)
    )`.execute(db);
  // A month of a venue: the bookings whose span overlaps it, past or future alike.
  // (btree_gist, created with the reservations, lets the uuid share a GiST index.)
  await sql`
    CREATE INDEX ON calendar_entries USING gist (venue_id, tstzrange(start_at, end_at))
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE calendar_entries`.execute(db);
}
