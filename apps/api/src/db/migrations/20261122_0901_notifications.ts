import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// The outbox of e-mail notifications (notifications/) and the calendar feeds (feeds/).
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per mail owed to one recipient, written by the notifications reactor in the
  // transaction that moves its checkpoint, so each event yields its mails exactly once.
  // `message_id` is derived from the event and the recipient (unique: a second insert of
  // the same mail is a no-op); `message` is the composed RFC 5322 text, stored before the
  // first hand-off so that every retry sends the very same bytes.
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      event_id uuid NOT NULL,
      booking_id uuid,
      booking_version integer,
      user_id uuid,
      recipient text,
      language text NOT NULL,
      message_id text NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
      due_at timestamptz NOT NULL,
      next_attempt_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      attempts_at_requeue integer NOT NULL DEFAULT 0,
      last_error text,
      message text,
      created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
      updated_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`.execute(db);
  // The sender's question: what is due now? Only pending rows are in this index.
  await sql`
    CREATE INDEX notifications_due ON notifications (next_attempt_at)
    WHERE status = 'pending'`.execute(db);
  // The admins' list, newest first, per status or all.
  await sql`CREATE INDEX notifications_by_status ON notifications (status, created_at, id)`.execute(
    db,
  );
  await sql`CREATE INDEX notifications_by_created ON notifications (created_at, id)`.execute(db);
  // Reminders to move or cancel, and erasure.
  await sql`CREATE INDEX notifications_by_booking ON notifications (booking_id)`.execute(db);
  await sql`CREATE INDEX notifications_by_user ON notifications (user_id)`.execute(db);

  // Every hand-off to the transport and how it ended.
  await sql`
    CREATE TABLE notification_attempts (
      notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
      attempt integer NOT NULL,
      at timestamptz NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('sent', 'failed')),
      error text,
      PRIMARY KEY (notification_id, attempt)
    )`.execute(db);

  // Private iCalendar subscriptions: a person's bookings, or (admins) a venue's. Only a
  // hash of the token is kept; revoking sets revoked_at.
  await sql`
    CREATE TABLE calendar_feeds (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      venue_id uuid,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX calendar_feeds_by_user ON calendar_feeds (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE calendar_feeds`.execute(db);
  await sql`DROP TABLE notification_attempts`.execute(db);
  await sql`DROP TABLE notifications`.execute(db);
}
