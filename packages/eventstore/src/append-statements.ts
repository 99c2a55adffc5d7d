import type { ExpectedVersion } from "./expected-version.ts";
import { APPENDED } from "./planned-writes.ts";

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

/** Where the event arrays start: after the stream id, the event count (and the version). */
const FIRST_ARRAY: Record<Mode, number> = { any: 3, no_stream: 3, stream_exists: 3, exact: 4 };

const EVENT_COLUMNS = `stream_id, stream_version, event_id, event_type, schema_version, data,
      correlation_id, causation_id, actor, subject_id, personal_fields`;

function unnestEvents(firstArray: number): string {
  const p = (i: number) => `$${firstArray + i}`;
  return `unnest(${p(0)}::uuid[], ${p(1)}::text[], ${p(2)}::int[], ${p(3)}::jsonb[],
      ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::jsonb[], ${p(7)}::text[], ${p(8)}::jsonb[])
      WITH ORDINALITY AS e(event_id, event_type, schema_version, data, correlation_id,
        causation_id, actor, subject_id, personal_fields, n)`;
}

const EVENT_VALUES = `e.event_id, e.event_type, e.schema_version, e.data,
      e.correlation_id, e.causation_id, e.actor, e.subject_id, e.personal_fields`;

const INSERTED_COLUMNS = "global_position, transaction_id, stream_version, recorded_at";

function insertEvents(mode: Mode, firstArray: number): string {
  return `WITH ${LOCK}, stream AS (${STREAM_STEP[mode]})
    INSERT INTO eventstore_events (${EVENT_COLUMNS})
    SELECT $1, stream.previous + e.n, ${EVENT_VALUES}
    FROM stream, ${unnestEvents(firstArray)}
    ORDER BY e.n
    RETURNING ${INSERTED_COLUMNS}`;
}

const STATEMENTS: Record<Mode, { name: string; text: string }> = {
  any: { name: "eventstore_append_any", text: insertEvents("any", FIRST_ARRAY.any) },
  no_stream: {
    name: "eventstore_append_no_stream",
    text: insertEvents("no_stream", FIRST_ARRAY.no_stream),
  },
  stream_exists: {
    name: "eventstore_append_stream_exists",
    text: insertEvents("stream_exists", FIRST_ARRAY.stream_exists),
  },
  exact: { name: "eventstore_append_exact", text: insertEvents("exact", FIRST_ARRAY.exact) },
};

/** The prepared statement and its leading parameters for an expectation. */
export function appendStatement(
  streamId: string,
  eventCount: number,
  expected: ExpectedVersion,
): { name: string; text: string; leading: unknown[] } {
  const mode = modeOf(expected);
  return { ...STATEMENTS[mode], leading: leadingValues(mode, streamId, eventCount, expected) };
}

function modeOf(expected: ExpectedVersion): Mode {
  if (typeof expected === "number") return expected > 0 ? "exact" : "no_stream";
  return expected;
}

function leadingValues(
  mode: Mode,
  streamId: string,
  eventCount: number,
  expected: ExpectedVersion,
): unknown[] {
  return mode === "exact" ? [streamId, eventCount, expected] : [streamId, eventCount];
}

/**
 * The append statement with the inline projections' planned writes composed into it, for
 * an expectation that fixes the stream versions. Three differences from the plain one:
 * - the events go in through a CTE (`inserted`) and the statement returns its rows;
 * - `appended` is one row once every event is inserted (an aggregate reads them all
 *   first); each write reads its rows from it (planned-writes.ts), so none runs before the
 *   stream lock nor before the store's own errors (a duplicate event id) are raised;
 * - a refused expectation is an error, not an empty result: the stream CTE yields no row,
 *   the events' version is then NULL and violates NOT NULL (isRefusedInStatement). The
 *   whole statement fails, so no write of any projection persists, however it is written.
 * `writes` are the writes' texts, their parameters already numbered after plannedLeadingCount.
 */
export function plannedAppendText(
  expected: number | "no_stream",
  writes: readonly string[],
): string {
  const mode = modeOf(expected);
  const ctes = writes.map((write, i) => `,\n  eventstore_write_${i + 1} AS (${write})`).join("");
  return `WITH ${LOCK}, stream AS (${STREAM_STEP[mode]}),
  inserted AS (
    INSERT INTO eventstore_events (${EVENT_COLUMNS})
    SELECT $1, (SELECT previous FROM stream) + e.n, ${EVENT_VALUES}
    FROM ${unnestEvents(FIRST_ARRAY[mode])}
    ORDER BY e.n
    RETURNING ${INSERTED_COLUMNS}),
  ${APPENDED} AS MATERIALIZED (
    SELECT $1::text AS stream_id, min(stream_version) AS first_version,
      max(stream_version) AS last_version
    FROM inserted HAVING count(*) > 0)${ctes}
  SELECT ${INSERTED_COLUMNS} FROM inserted ORDER BY stream_version`;
}

/** Parameters before the first write's: the stream's, then the event arrays. */
export function plannedLeadingCount(expected: number | "no_stream"): number {
  return FIRST_ARRAY[modeOf(expected)] + 8;
}

/** The error a refused expectation raises in the planned statement (see plannedAppendText). */
export function isRefusedInStatement(error: unknown): boolean {
  const { code, table, column } = (error ?? {}) as Record<string, unknown>;
  return code === "23502" && table === "eventstore_events" && column === "stream_version";
}
