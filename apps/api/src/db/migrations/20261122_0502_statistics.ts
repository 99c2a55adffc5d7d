import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// The statistics read model (statistics/statistics.projection.ts), written asynchronously
// from the log. A rebuild copies these tables with `LIKE … INCLUDING ALL` and swaps the
// copies in, so: no triggers, no foreign keys, no serial columns, and index names that
// are PostgreSQL's defaults (a copy gets the same ones).
export async function up(db: Kysely<unknown>): Promise<void> {
  // The venue's time zone as the log tells it, to place a slot's start in a local month.
  await sql`
    CREATE TABLE statistics_venues (
      venue_id uuid PRIMARY KEY,
      time_zone text NOT NULL
    )`.execute(db);

  // Every requested booking with what it counts, so a later event (a confirmation, a
  // move) can take its old contribution away before adding the new one.
  await sql`
    CREATE TABLE statistics_bookings (
      booking_id uuid PRIMARY KEY,
      venue_id uuid NOT NULL,
      mode text NOT NULL,
      status text NOT NULL,
      month text NOT NULL,
      guests integer NOT NULL,
      nights integer NOT NULL,
      revenue bigint NOT NULL,
      usage jsonb NOT NULL
    )`.execute(db);

  // Sums per venue and local month; a row whose figures are all zero is deleted, so the
  // table is the same however the events were batched.
  await sql`
    CREATE TABLE statistics_monthly (
      venue_id uuid NOT NULL,
      month text NOT NULL,
      bookings integer NOT NULL,
      confirmed integer NOT NULL,
      cancelled integer NOT NULL,
      guests integer NOT NULL,
      nights integer NOT NULL,
      revenue bigint NOT NULL,
      room_nights integer NOT NULL,
      slot_minutes bigint NOT NULL,
      PRIMARY KEY (venue_id, month)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE statistics_monthly, statistics_bookings, statistics_venues`.execute(db);
}
