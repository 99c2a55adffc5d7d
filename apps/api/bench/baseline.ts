import { randomUUID } from "node:crypto";
import pg from "pg";

const dayMs = 86_400_000;
/** jsonb parameters as text, as the event store sends them (pg would turn arrays into SQL arrays). */
const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** One booking as the api wrote it: its events, its read-model row, its reservation. */
interface Template {
  events: {
    event_type: string;
    schema_version: number;
    data: unknown;
    correlation_id: string | null;
    causation_id: string | null;
    actor: unknown;
    subject_id: string | null;
    personal_fields: unknown;
  }[];
  booking: {
    venue_id: string;
    offering_id: string;
    user_id: string | null;
    status: string;
    data: Record<string, unknown>;
  };
  periodStart: number;
  periodEnd: number;
}

const statements = {
  stream: {
    name: "baseline_stream",
    text: "INSERT INTO eventstore_streams (stream_id, version) VALUES ($1, $2)",
  },
  event: {
    name: "baseline_event",
    text: `INSERT INTO eventstore_events (stream_id, stream_version, event_id, event_type,
             schema_version, data, correlation_id, causation_id, actor, subject_id, personal_fields)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
  },
  booking: {
    name: "baseline_booking",
    text: `INSERT INTO bookings (id, venue_id, offering_id, user_id, status, start_at, end_at,
             hold_expires_at, data, created_at, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $9, $10)`,
  },
  reservation: {
    name: "baseline_reservation",
    text: `INSERT INTO reservations (booking_id, resource_id, period, blocking)
           VALUES ($1, $2, tstzrange($3, $4), true)`,
  },
};

/**
 * The baseline of booking create: the same rows the api writes for a new booking (its
 * event(s) in eventstore_events, the stream row in eventstore_streams, the bookings row
 * and the reservation under the exclusion constraint), with the same payloads, issued
 * directly with pg as prepared statements in one transaction per booking.
 */
export async function createBaseline(url: string, poolSize: number, bookingId: string) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Stopping the server at the end terminates idle clients: expected.
  pool.on("error", () => {});
  const template = await loadTemplate(pool, bookingId);
  // Rooms of their own (reservations have no foreign key), so the baseline never collides
  // with the api's bookings nor with itself: one night per room and day.
  const rooms = Array.from({ length: 20 }, () => randomUUID());

  async function book(index: number): Promise<void> {
    const id = randomUUID();
    const streamId = `booking-${id}`;
    const shift = Math.floor(index / rooms.length) * dayMs;
    const start = new Date(template.periodStart + shift);
    const end = new Date(template.periodEnd + shift);
    const now = new Date();
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query({ ...statements.stream, values: [streamId, template.events.length] });
      for (const [i, event] of template.events.entries()) {
        await client.query({
          ...statements.event,
          values: [
            streamId,
            i + 1,
            randomUUID(),
            event.event_type,
            event.schema_version,
            json(event.data),
            event.correlation_id,
            event.causation_id,
            json(event.actor),
            event.subject_id,
            json(event.personal_fields),
          ],
        });
      }
      const { booking } = template;
      await client.query({
        ...statements.booking,
        values: [
          id,
          booking.venue_id,
          booking.offering_id,
          booking.user_id,
          booking.status,
          start,
          end,
          json({ ...booking.data, bookingId: id }),
          now,
          template.events.length,
        ],
      });
      await client.query({
        ...statements.reservation,
        values: [id, rooms[index % rooms.length], start, end],
      });
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return { book, close: () => pool.end() };
}

async function loadTemplate(pool: pg.Pool, bookingId: string): Promise<Template> {
  const events = await pool.query(
    `SELECT event_type, schema_version, data, correlation_id, causation_id, actor, subject_id,
            personal_fields
     FROM eventstore_events WHERE stream_id = $1 ORDER BY stream_version`,
    [`booking-${bookingId}`],
  );
  const booking = await pool.query(
    "SELECT venue_id, offering_id, user_id, status, data FROM bookings WHERE id = $1",
    [bookingId],
  );
  const period = await pool.query<{ start_ms: string; end_ms: string }>(
    `SELECT (extract(epoch FROM lower(period)) * 1000)::bigint AS start_ms,
            (extract(epoch FROM upper(period)) * 1000)::bigint AS end_ms
     FROM reservations WHERE booking_id = $1`,
    [bookingId],
  );
  const row = booking.rows[0];
  const range = period.rows[0];
  if (events.rows.length === 0 || !row || !range) {
    throw new Error(`no template booking ${bookingId}`);
  }
  return {
    events: events.rows,
    booking: row,
    periodStart: Number(range.start_ms),
    periodEnd: Number(range.end_ms),
  };
}
