import type pg from "pg";
import { appendStatement } from "./append-statements.ts";
import { type DecoderOptions, decodeEvents } from "./event-decoder.ts";
import { EVENT_COLUMNS, type EventRow } from "./event-rows.ts";
import {
  ConcurrencyConflictError,
  databaseErrorFields,
  EncryptionKeyMissingError,
  EventStoreError,
  IdempotencyConflictError,
} from "./event-store-errors.ts";
import type { EventMetadata, LogPosition, NewEvent, RecordedEvent } from "./event-types.ts";
import { type ExpectedVersion, satisfiesExpectedVersion } from "./expected-version.ts";
import { fastTypes } from "./fast-type-parsers.ts";
import { type AnyInlineProjection, runInlineProjections } from "./inline-projection.ts";
import {
  type EncodedEvents,
  encodedParameters,
  encodeNewEvents,
  validateNewEvents,
} from "./new-event-encoder.ts";
import { loadOrCreateSubjectKeys } from "./subject-keys.ts";

export interface AppendOptions {
  /** Defaults to "any". */
  expectedVersion?: ExpectedVersion;
  /** Applied to every event that does not set its own. */
  metadata?: EventMetadata;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the next expectedVersion. */
  nextExpectedVersion: number;
  lastPosition: LogPosition;
  events: RecordedEvent[];
  /** True when these event ids were already committed and nothing new was written. */
  alreadyAppended: boolean;
}

export interface AppendDependencies extends DecoderOptions {
  pool: pg.Pool;
  inlineProjections: readonly AnyInlineProjection[];
}

interface InsertedRow {
  global_position: string;
  transaction_id: string;
  stream_version: string;
  recorded_at: Date;
}

type Attempt = { inserted: InsertedRow[] } | { refused: true };

const MAX_ATTEMPTS = 3;

export async function appendToStream(
  deps: AppendDependencies,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  validateNewEvents(streamId, events);
  const expected = options.expectedVersion ?? "any";
  const encoded = encodeNewEvents(
    events,
    options.metadata ?? {},
    await subjectKeysFor(deps, events),
  );
  const statement = appendStatement(streamId, events.length, expected);
  const values = [...statement.leading, ...encodedParameters(encoded)];

  for (let attempt = 1; ; attempt++) {
    const recorded = (rows: InsertedRow[]) => recordedEvents(streamId, events, encoded, rows);
    const outcome =
      deps.inlineProjections.length === 0
        ? await attemptAlone(deps.pool, statement.name, statement.text, values)
        : await attemptWithProjections(deps, statement.name, statement.text, values, recorded);
    if ("inserted" in outcome) return resultOf(streamId, recorded(outcome.inserted), false);

    const replay = await findCommittedReplay(deps, streamId, encoded);
    if (replay) return resultOf(streamId, replay, true);
    const actual = await streamVersion(deps.pool, streamId);
    // The check can fail against a transaction that then rolled back: try again.
    if (!satisfiesExpectedVersion(expected, actual) || attempt >= MAX_ATTEMPTS) {
      throw new ConcurrencyConflictError(streamId, expected, actual);
    }
  }
}

async function subjectKeysFor(deps: AppendDependencies, events: readonly NewEvent[]) {
  const subjects = [...new Set(events.flatMap((e) => (e.personal ? [e.personal.subjectId] : [])))];
  if (subjects.length === 0) return new Map<string, Buffer>();
  if (!deps.masterKey) throw new EncryptionKeyMissingError();
  return loadOrCreateSubjectKeys(deps.pool, deps.masterKey, subjects);
}

/** Without inline projections the single statement is its own transaction: one round trip. */
async function attemptAlone(pool: pg.Pool, name: string, text: string, values: unknown[]) {
  try {
    const { rows } = await pool.query<InsertedRow>({ name, text, values, types: fastTypes });
    return rows.length > 0 ? { inserted: rows } : { refused: true as const };
  } catch (error) {
    if (isDuplicateEventId(error)) return { refused: true as const };
    throw error;
  }
}

async function attemptWithProjections(
  deps: AppendDependencies,
  name: string,
  text: string,
  values: unknown[],
  recorded: (rows: InsertedRow[]) => RecordedEvent[],
): Promise<Attempt> {
  const client = await deps.pool.connect();
  // A client whose connection failed must be destroyed, not returned to the pool.
  let connectionError: Error | undefined;
  const rollback = () =>
    client.query("ROLLBACK").then(
      () => {},
      (error: Error) => {
        connectionError = error;
      },
    );
  try {
    await client.query("BEGIN");
    let rows: InsertedRow[];
    try {
      rows = (await client.query<InsertedRow>({ name, text, values, types: fastTypes })).rows;
    } catch (error) {
      await rollback();
      if (isDuplicateEventId(error)) return { refused: true };
      throw error;
    }
    if (rows.length === 0) {
      await rollback();
      return { refused: true };
    }
    try {
      await runInlineProjections(deps.inlineProjections, recorded(rows), client);
      await client.query("COMMIT");
    } catch (error) {
      await rollback();
      throw error;
    }
    return { inserted: rows };
  } catch (error) {
    const isExpected = error instanceof EventStoreError || databaseErrorFields(error).sqlState;
    if (!isExpected && error instanceof Error) connectionError ??= error;
    throw error;
  } finally {
    client.release(connectionError);
  }
}

function isDuplicateEventId(error: unknown): boolean {
  const { sqlState, constraint } = databaseErrorFields(error);
  return sqlState === "23505" && constraint === "eventstore_events_event_id_key";
}

/**
 * A refused append may be the retry of one that committed (its response was lost). If every
 * event id is already in this stream, in this order, report that commit; a partial overlap
 * or ids in another stream is an error, never a silent duplicate.
 */
async function findCommittedReplay(
  deps: AppendDependencies,
  streamId: string,
  encoded: EncodedEvents,
): Promise<RecordedEvent[] | undefined> {
  const { rows } = await deps.pool.query<EventRow>({
    name: "eventstore_find_event_ids",
    types: fastTypes,
    text: `SELECT ${EVENT_COLUMNS} FROM eventstore_events WHERE event_id = ANY($1::uuid[])
           ORDER BY global_position`,
    values: [encoded.eventIds],
  });
  if (rows.length === 0) return undefined;
  const ids = encoded.eventIds;
  const first = Number(rows[0]?.stream_version);
  const isSameAppend =
    rows.length === ids.length &&
    rows.every(
      (row, i) =>
        row.stream_id === streamId &&
        row.event_id === ids[i] &&
        row.event_type === encoded.types[i] &&
        Number(row.stream_version) === first + i,
    );
  if (!isSameAppend) {
    const found = rows.map((row) => row.event_id);
    throw new IdempotencyConflictError(
      streamId,
      found,
      `${found.length} of ${ids.length} event ids were already appended by a different append`,
    );
  }
  return decodeEvents(deps.pool, rows, deps);
}

export async function streamVersion(db: pg.Pool | pg.PoolClient, streamId: string) {
  const { rows } = await db.query<{ version: string }>({
    name: "eventstore_stream_version",
    text: "SELECT version FROM eventstore_streams WHERE stream_id = $1",
    values: [streamId],
  });
  return rows[0] ? Number(rows[0].version) : 0;
}

function recordedEvents(
  streamId: string,
  events: readonly NewEvent[],
  encoded: EncodedEvents,
  rows: readonly InsertedRow[],
): RecordedEvent[] {
  return rows.map((row, i) => {
    const event = events[i] as NewEvent;
    return {
      type: event.type,
      data: event.data,
      eventId: encoded.eventIds[i] as string,
      schemaVersion: encoded.schemaVersions[i] as number,
      streamId,
      streamVersion: Number(row.stream_version),
      globalPosition: Number(row.global_position),
      transactionId: row.transaction_id,
      recordedAt: row.recorded_at,
      correlationId: encoded.correlationIds[i] ?? null,
      causationId: encoded.causationIds[i] ?? null,
      actor: encoded.actors[i] ? JSON.parse(encoded.actors[i] as string) : null,
    };
  });
}

function resultOf(streamId: string, events: RecordedEvent[], alreadyAppended: boolean) {
  const last = events[events.length - 1] as RecordedEvent;
  return {
    streamId,
    nextExpectedVersion: last.streamVersion,
    lastPosition: { transactionId: last.transactionId, globalPosition: last.globalPosition },
    events,
    alreadyAppended,
  };
}
