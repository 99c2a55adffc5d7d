import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  // No double booking, as a database guarantee (docs/adr/0006-bookings-reservations-idempotency.md): the period includes
  // buffers, and only held, pending and confirmed bookings block. Written by an inline
  // projection in the transaction that appends the booking's events, so a conflict (23P01)
  // rolls the events back.
  await sql`
    CREATE TABLE reservations (
      booking_id uuid NOT NULL,
      resource_id uuid NOT NULL,
      period tstzrange NOT NULL,
      blocking boolean NOT NULL,
      PRIMARY KEY (booking_id, resource_id),
      CONSTRAINT reservations_no_overlap
        EXCLUDE USING gist (resource_id WITH =, period WITH &&) WHERE (blocking)
    )`.execute(db);

  await sql`
    CREATE TABLE bookings (
      id uuid PRIMARY KEY,
      venue_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      user_id uuid,
      status text NOT NULL,
      start_at timestamptz NOT NULL,
      end_at timestamptz NOT NULL,
      hold_expires_at timestamptz,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX bookings_user_start ON bookings (user_id, start_at, id)`.execute(db);
  await sql`CREATE INDEX bookings_venue_start ON bookings (venue_id, start_at, id)`.execute(db);
  await sql`CREATE INDEX bookings_holds_to_expire ON bookings (hold_expires_at) WHERE status = 'held'`.execute(
    db,
  );
  await sql`CREATE INDEX bookings_to_complete ON bookings (end_at) WHERE status = 'confirmed'`.execute(
    db,
  );

  // Idempotency-Key records: the first request's hash and response, per caller and key.
  // `response` is null while the first request is still running.
  await sql`
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idempotency_keys, bookings, reservations`.execute(db);
}
