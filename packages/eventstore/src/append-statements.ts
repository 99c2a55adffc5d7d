import type { ExpectedVersion } from "./expected-version.ts";

/**
 * One statement per expected-version mode: it moves the stream row and inserts the events,
 * so an append outside a transaction is a single round trip. When the check fails the
 * stream CTE yields no row, nothing is inserted and the statement returns no rows.
 *
 * The stream's advisory lock comes first, before the transaction writes anything and so
 * before it has a transaction id: whoever appends to the stream next gets its id only
 * after this one ended. Ids therefore grow with stream versions, and the global log
 * (ordered by transaction id) keeps every stream in version order. Row locks alone do not:
 * an id is assigned before waiting for the row, and waiters can overtake each other.
 * Multi-stream appends take the same locks (same keys) up front.
 */
export const STREAM_LOCK_KEY = "hashtext('eventstore-stream')";

const LOCK = `lock AS MATERIALIZED (
  SELECT pg_advisory_xact_lock(${STREAM_LOCK_KEY}, hashtext($1)))`;

const STREAM_STEP = {
  any: `INSERT INTO eventstore_streams AS s (stream_id, version) SELECT $1, $2::bigint FROM lock
        ON CONFLICT (stream_id) DO UPDATE SET version = s.version + $2::bigint, updated_at = now()
        RETURNING s.version - $2::bigint AS previous`,
  no_stream: `INSERT INTO eventstore_streams (stream_id, version) SELECT $1, $2::bigint FROM lock
        ON CONFLICT (stream_id) DO NOTHING
        RETURNING 0::bigint AS previous`,
  stream_exists: `UPDATE eventstore_streams SET version = version + $2::bigint, updated_at = now()
        FROM lock WHERE stream_id = $1
        RETURNING version - $2::bigint AS previous`,
  exact: `UPDATE eventstore_streams SET version = version + $2::bigint, updated_at = now()
        FROM lock WHERE stream_id = $1 AND version = $3::bigint
        RETURNING $3::bigint AS previous`,
} as const;

type Mode = keyof typeof STREAM_STEP;

function insertEvents(mode: Mode, firstArray: number): string {
  const p = (i: number) => `$${firstArray + i}`;
  return `WITH ${LOCK}, stream AS (${STREAM_STEP[mode]})
    INSERT INTO eventstore_events (stream_id, stream_version, event_id, event_type,
      schema_version, data, correlation_id, causation_id, actor, subject_id, personal_fields)
    SELECT $1, stream.previous + e.n, e.event_id, e.event_type, e.schema_version, e.data,
      e.correlation_id, e.causation_id, e.actor, e.subject_id, e.personal_fields
    FROM stream, unnest(${p(0)}::uuid[], ${p(1)}::text[], ${p(2)}::int[], ${p(3)}::jsonb[],
      ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::jsonb[], ${p(7)}::text[], ${p(8)}::jsonb[])
      WITH ORDINALITY AS e(event_id, event_type, schema_version, data, correlation_id,
        causation_id, actor, subject_id, personal_fields, n)
    ORDER BY e.n
    RETURNING global_position, transaction_id, stream_version, recorded_at`;
}

const STATEMENTS: Record<Mode, { name: string; text: string }> = {
  any: { name: "eventstore_append_any", text: insertEvents("any", 3) },
  no_stream: { name: "eventstore_append_no_stream", text: insertEvents("no_stream", 3) },
  stream_exists: {
    name: "eventstore_append_stream_exists",
    text: insertEvents("stream_exists", 3),
  },
  exact: { name: "eventstore_append_exact", text: insertEvents("exact", 4) },
};

/** The prepared statement and its leading parameters for an expectation. */
export function appendStatement(
  streamId: string,
  eventCount: number,
  expected: ExpectedVersion,
): { name: string; text: string; leading: unknown[] } {
  if (typeof expected === "number" && expected > 0) {
    return { ...STATEMENTS.exact, leading: [streamId, eventCount, expected] };
  }
  const mode: Mode = expected === 0 ? "no_stream" : (expected as Exclude<Mode, "exact">);
  return { ...STATEMENTS[mode], leading: [streamId, eventCount] };
}
