import type pg from "pg";

export interface StreamVersions {
  streams: number;
  /** Streams whose versions are not exactly 1…n, or whose stored version is not n. */
  broken: string[];
  /** Booking read-model rows whose version differs from their stream's (or that lack one). */
  bookingsOutOfStep: string[];
}

/**
 * Whether the log has a hole or a stray: every stream's events are numbered 1…n without a
 * gap, its row in eventstore_streams says n, and the bookings table (written in the same
 * transaction as the events) stands at the same version for every booking stream.
 */
export async function streamVersions(pool: pg.Pool): Promise<StreamVersions> {
  const { rows: streams } = await pool.query<{ stream_id: string; ok: boolean }>(`
    SELECT e.stream_id,
           min(e.stream_version) = 1 AND max(e.stream_version) = count(*)
             AND count(DISTINCT e.stream_version) = count(*)
             AND max(e.stream_version) = max(s.version) AS ok
    FROM eventstore_events e LEFT JOIN eventstore_streams s USING (stream_id)
    GROUP BY e.stream_id`);
  const { rows: bookings } = await pool.query<{ id: string }>(`
    SELECT coalesce(b.id::text, s.stream_id) AS id
    FROM (SELECT stream_id, version FROM eventstore_streams WHERE stream_id LIKE 'booking-%') s
    FULL JOIN bookings b ON s.stream_id = 'booking-' || b.id
    WHERE s.version IS DISTINCT FROM b.version`);
  return {
    streams: streams.length,
    broken: streams.filter((stream) => !stream.ok).map((stream) => stream.stream_id),
    bookingsOutOfStep: bookings.map((row) => row.id),
  };
}
