import type pg from "pg";
import { appendStatement } from "./append-statements.ts";
import type { DecoderOptions } from "./event-decoder.ts";
import { EncryptionKeyMissingError, InvalidAppendError } from "./event-store-errors.ts";
import type { EventMetadata, NewEvent, RecordedEvent } from "./event-types.ts";
import type { ExpectedVersion } from "./expected-version.ts";
import type { AnyInlineProjection } from "./inline-projection.ts";
import {
  type EncodedEvents,
  encodedParameters,
  encodeNewEvents,
  validateNewEvents,
} from "./new-event-encoder.ts";
import { type CheckedWrite, checkWrite, type PlannedWrite } from "./planned-write.ts";
import { type NewSubjectKeys, prepareSubjectKeys } from "./subject-keys.ts";

export interface AppendOptions {
  /** Defaults to "any". */
  expectedVersion?: ExpectedVersion;
  /** Applied to every event that does not set its own. */
  metadata?: EventMetadata;
  /**
   * Writes that commit with the events or not at all (an idempotency record, say), in the
   * form of planned writes (PlannedWrite): they draw their rows from `appended`, this
   * stream's row. Not made again when the append turns out to be a committed retry
   * (`alreadyAppended`). A write that fails refuses the append with AppendWriteError.
   */
  alsoWrite?: readonly PlannedWrite[];
}

export interface AppendDependencies extends DecoderOptions {
  pool: pg.Pool;
  inlineProjections: readonly AnyInlineProjection[];
  onTransientRetry?: (sqlState: string) => void;
}

/** One stream's part of an append. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  options?: AppendOptions;
}

/** A stream append validated, encrypted and bound to its prepared statement. */
export interface PreparedAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedVersion;
  encoded: EncodedEvents;
  statement: { name: string; text: string; values: unknown[] };
  /** The caller's `alsoWrite`, checked. */
  writes: CheckedWrite[];
}

/**
 * Every stream's part of one append, plus the subject keys its events were encrypted with
 * that do not exist yet: the append inserts them in its own transaction, so a refused
 * append leaves none behind.
 */
export interface PreparedAppends {
  appends: PreparedAppend[];
  newKeys: NewSubjectKeys | undefined;
}

/** What the append statement returns per inserted event. */
export interface InsertedRow {
  global_position: string;
  transaction_id: string;
  stream_version: string;
  recorded_at: Date;
}

/**
 * Validates every part before anything touches the database. A stream may appear only once
 * (its expected version would be ambiguous) and an event id only once across all parts.
 * Preparation only reads: missing subject keys are generated in memory (PreparedAppends).
 */
export async function prepareAppends(
  deps: AppendDependencies,
  appends: readonly StreamAppend[],
  defaults: EventMetadata = {},
): Promise<PreparedAppends> {
  if (appends.length === 0) throw new InvalidAppendError("An append needs at least one stream");
  const streams = new Set<string>();
  const eventIds = new Set<string>();
  const writes: CheckedWrite[][] = [];
  for (const { streamId, events, options } of appends) {
    validateNewEvents(streamId, events);
    writes.push(checkedWrites(streamId, options?.alsoWrite));
    if (streams.has(streamId)) {
      throw new InvalidAppendError(`Stream "${streamId}" appears twice in one append`);
    }
    streams.add(streamId);
    for (const { eventId } of events) {
      if (eventId === undefined) continue;
      if (eventIds.has(eventId.toLowerCase())) {
        throw new InvalidAppendError(`eventId ${eventId} appears twice in one append`);
      }
      eventIds.add(eventId.toLowerCase());
    }
  }
  const { keys, created } = await subjectKeysFor(
    deps,
    appends.flatMap((append) => append.events),
  );
  const prepared = appends.map(({ streamId, events, options = {} }, i) => {
    const expected = options.expectedVersion ?? "any";
    const metadata = { ...defaults, ...options.metadata };
    const encoded = encodeNewEvents(events, metadata, keys);
    const { leading, ...statement } = appendStatement(streamId, events.length, expected);
    const values = [...leading, ...encodedParameters(encoded)];
    const statementWithValues = { ...statement, values };
    return {
      streamId,
      events,
      expected,
      encoded,
      statement: statementWithValues,
      writes: writes[i] ?? [],
    };
  });
  return { appends: prepared, newKeys: created };
}

function checkedWrites(streamId: string, writes: readonly PlannedWrite[] = []): CheckedWrite[] {
  return writes.map((write) => {
    try {
      return checkWrite(write);
    } catch (error) {
      throw new InvalidAppendError(`Stream "${streamId}": ${(error as Error).message}`);
    }
  });
}

async function subjectKeysFor(deps: AppendDependencies, events: readonly NewEvent[]) {
  const subjects = [...new Set(events.flatMap((e) => (e.personal ? [e.personal.subjectId] : [])))];
  if (subjects.length === 0) return { keys: new Map<string, Buffer>(), created: undefined };
  if (!deps.masterKey) throw new EncryptionKeyMissingError();
  return prepareSubjectKeys(deps.pool, deps.masterKey, subjects);
}

/** The events as the caller sees them after the insert: no read back needed. */
export function recordedEvents(
  append: PreparedAppend,
  rows: readonly InsertedRow[],
): RecordedEvent[] {
  const { streamId, events, encoded } = append;
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
