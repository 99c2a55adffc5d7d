import type pg from "pg";
import { type DecoderOptions, decodeEvents } from "./event-decoder.ts";
import { EVENT_COLUMNS, type EventRow } from "./event-rows.ts";
import { ImportError } from "./event-store-errors.ts";
import type { DomainEvent, LogPosition, RecordedEvent } from "./event-types.ts";
import { LOG_START } from "./event-types.ts";
import { fastTypes } from "./fast-type-parsers.ts";
import { type AnyInlineProjection, runInlineProjections } from "./inline-projection.ts";
import type { Queryable } from "./queryable.ts";

/**
 * An event exactly as stored (personal fields still encrypted, payload not upcast) with its
 * global position: what a backup keeps of the log. The transaction id is left out: it only
 * means something in the cluster that handed it out.
 */
export interface StoredLogEvent {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  /** UTC with the microseconds PostgreSQL keeps: "2026-12-06T06:29:04.123456Z". */
  recordedAt: string;
  correlationId: string | null;
  causationId: string | null;
  actor: unknown;
  subjectId: string | null;
  personalFields: string[] | null;
}

interface StoredRow {
  global_position: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  recorded_at: string;
  correlation_id: string | null;
  causation_id: string | null;
  actor: unknown;
  subject_id: string | null;
  personal_fields: string[] | null;
}

/** A page of the stored log in global position order, after `afterPosition`. */
export async function readStoredLog(
  db: Queryable,
  afterPosition: number,
  limit: number,
): Promise<StoredLogEvent[]> {
  const { rows } = await db.query<StoredRow>({
    types: fastTypes,
    text: `SELECT global_position, stream_id, stream_version, event_id, event_type,
             schema_version, data,
             to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
             correlation_id, causation_id, actor, subject_id, personal_fields
           FROM eventstore_events WHERE global_position > $1
           ORDER BY global_position LIMIT $2`,
    values: [afterPosition, limit],
  });
  // Built field by field, in one order: a backup's lines and its checksum depend on it.
  return rows.map((row) => ({
    globalPosition: Number(row.global_position),
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    recordedAt: row.recorded_at,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
    subjectId: row.subject_id,
    personalFields: row.personal_fields,
  }));
}

export interface WrappedSubjectKey {
  subjectId: string;
  /** Still wrapped by the master key: useless without it. */
  wrappedKey: Buffer;
}

/** Every subject key, still wrapped. An erased subject has none. */
export async function readWrappedSubjectKeys(db: Queryable): Promise<WrappedSubjectKey[]> {
  const { rows } = await db.query<{ subject_id: string; wrapped_key: Buffer }>(
    "SELECT subject_id, wrapped_key FROM eventstore_subject_keys ORDER BY subject_id",
  );
  return rows.map((row) => ({ subjectId: row.subject_id, wrappedKey: row.wrapped_key }));
}

/**
 * The global positions of the events a subscription has not handled yet, in position
 * order; undefined when the subscription has no checkpoint.
 */
export async function positionsAfterCheckpoint(
  db: Queryable,
  name: string,
): Promise<number[] | undefined> {
  const { rows: subscription } = await db.query(
    "SELECT 1 FROM eventstore_subscriptions WHERE name = $1",
    [name],
  );
  if (subscription.length === 0) return undefined;
  const { rows } = await db.query<{ global_position: string }>({
    types: fastTypes,
    text: `SELECT e.global_position FROM eventstore_events e, eventstore_subscriptions s
           WHERE s.name = $1
             AND (e.transaction_id, e.global_position) > (s.transaction_id, s.global_position)
           ORDER BY e.global_position`,
    values: [name],
  });
  return rows.map((row) => Number(row.global_position));
}

/** Whether the store holds no event and no subject key. */
export async function isStoreEmpty(db: Queryable): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM eventstore_events
     UNION ALL SELECT 1 FROM eventstore_subject_keys LIMIT 1`,
  );
  return rows.length === 0;
}

/**
 * Inserts events of a backup with their global positions, all under `transactionId` (one
 * the caller's transaction may use: its own, or one just below it). Nothing else is
 * assigned anew; `completeRestoredLog` finishes the load.
 */
export async function insertStoredEvents(
  client: pg.PoolClient,
  events: readonly StoredLogEvent[],
  transactionId: string,
): Promise<void> {
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO eventstore_events (global_position, transaction_id, stream_id, stream_version,
       event_id, event_type, schema_version, data, recorded_at, correlation_id, causation_id,
       actor, subject_id, personal_fields)
     OVERRIDING SYSTEM VALUE
     SELECT e."globalPosition", $2::xid8, e."streamId", e."streamVersion", e."eventId",
       e.type, e."schemaVersion", e.data, e."recordedAt", e."correlationId", e."causationId",
       e.actor, e."subjectId", e."personalFields"
     FROM jsonb_to_recordset($1::jsonb) AS e("globalPosition" bigint, "streamId" text,
       "streamVersion" bigint, "eventId" uuid, type text, "schemaVersion" integer, data jsonb,
       "recordedAt" timestamptz, "correlationId" text, "causationId" text, actor jsonb,
       "subjectId" text, "personalFields" jsonb)`,
    [JSON.stringify(events), transactionId],
  );
}

export async function insertWrappedSubjectKeys(
  client: pg.PoolClient,
  keys: readonly WrappedSubjectKey[],
): Promise<void> {
  if (keys.length === 0) return;
  await client.query(
    `INSERT INTO eventstore_subject_keys (subject_id, wrapped_key)
     SELECT * FROM unnest($1::text[], $2::bytea[])`,
    [keys.map((key) => key.subjectId), keys.map((key) => key.wrappedKey)],
  );
}

/**
 * After `insertStoredEvents`: the streams' rows (versions from the events), no gap in any
 * stream, and the position sequence past the last event so that new appends come after
 * it. Returns the end of the log.
 */
export async function completeRestoredLog(client: pg.PoolClient): Promise<LogPosition> {
  await client.query(`INSERT INTO eventstore_streams (stream_id, version, created_at, updated_at)
    SELECT stream_id, max(stream_version), min(recorded_at), max(recorded_at)
    FROM eventstore_events GROUP BY stream_id`);
  const gaps = await client.query(`SELECT stream_id FROM eventstore_events GROUP BY stream_id
    HAVING max(stream_version) <> count(*) LIMIT 1`);
  if (gaps.rows.length > 0) throw new ImportError("The backup has gaps in stream versions");
  await client.query(`SELECT setval(pg_get_serial_sequence('eventstore_events', 'global_position'),
    coalesce(max(global_position), 1), max(global_position) IS NOT NULL) FROM eventstore_events`);
  const { rows } = await client.query<{ transaction_id: string; global_position: string }>({
    types: fastTypes,
    text: `SELECT transaction_id::text AS transaction_id, global_position FROM eventstore_events
           ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  });
  const last = rows[0];
  return last
    ? { transactionId: last.transaction_id, globalPosition: Number(last.global_position) }
    : LOG_START;
}

/**
 * The log in (transaction id, position) order inside the caller's transaction, decoded like
 * every read. Unlike readAll it does not wait for older transactions: it is for a
 * transaction that holds the whole log, such as a restore refilling read models.
 */
export async function readLogWithin<E extends DomainEvent = DomainEvent>(
  client: pg.PoolClient,
  decoder: DecoderOptions,
  after: LogPosition,
  limit: number,
): Promise<RecordedEvent<E>[]> {
  const { rows } = await client.query<EventRow>({
    types: fastTypes,
    text: `SELECT ${EVENT_COLUMNS} FROM eventstore_events
           WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
           ORDER BY transaction_id, global_position LIMIT $3`,
    values: [after.transactionId, after.globalPosition, limit],
  });
  return decodeEvents<E>(client, rows, decoder);
}

/**
 * Runs inline projections over the whole log, in log order, inside the caller's
 * transaction: their tables come out as if every append had written them. Returns the
 * number of events read.
 */
export async function replayInlineProjections(
  client: pg.PoolClient,
  decoder: DecoderOptions,
  projections: readonly AnyInlineProjection[],
  pageSize = 500,
): Promise<number> {
  let after = LOG_START;
  let count = 0;
  for (;;) {
    const events = await readLogWithin(client, decoder, after, pageSize);
    const last = events[events.length - 1];
    if (!last) return count;
    await runInlineProjections(projections, events, client);
    count += events.length;
    after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
}

/** Sets a subscription's checkpoint (created if missing, failure cleared) in the caller's transaction. */
export async function setSubscriptionCheckpoint(
  db: Queryable,
  name: string,
  position: LogPosition,
): Promise<void> {
  await db.query(
    `INSERT INTO eventstore_subscriptions (name, transaction_id, global_position)
     VALUES ($1, $2::xid8, $3)
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
       global_position = EXCLUDED.global_position, failure = NULL, failed_at = NULL,
       updated_at = now()`,
    [name, position.transactionId, position.globalPosition],
  );
}
