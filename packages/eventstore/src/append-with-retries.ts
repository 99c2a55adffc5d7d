import type pg from "pg";
import { attemptAppends } from "./append-attempt.ts";
import { findCommittedReplay } from "./append-replay.ts";
import {
  AppendWriteError,
  ConcurrencyConflictError,
  databaseErrorFields,
  InlineProjectionError,
} from "./event-store-errors.ts";
import type { EventMetadata, LogPosition, RecordedEvent } from "./event-types.ts";
import { satisfiesExpectedVersion } from "./expected-version.ts";
import {
  type AppendDependencies,
  type PreparedAppends,
  prepareAppends,
  type StreamAppend,
} from "./prepared-append.ts";

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the next expectedVersion. */
  nextExpectedVersion: number;
  lastPosition: LogPosition;
  events: RecordedEvent[];
  /** True when these event ids were already committed and nothing new was written. */
  alreadyAppended: boolean;
}

const MAX_ATTEMPTS = 3;
/**
 * A deadlock or serialization failure rolled the whole attempt back (the database chose it
 * as the victim): nothing was written, so it is tried again, this many times at most. Two
 * appends whose projections insert conflicting rows under an exclusion constraint can
 * deadlock in its check, each waiting for the other's uncommitted row; the retry then
 * meets the winner's committed row and fails (or passes) as it would have alone. Each retry
 * waits a few random milliseconds first, growing with every retry: victims that retried at
 * once met the same peers in the same order and deadlocked again (seen with 60 concurrent
 * appointments on 3 bays on a loaded machine, where 3 immediate retries were not enough).
 */
const MAX_TRANSIENT_RETRIES = 8;
const TRANSIENT_SQL_STATES = new Set(["40P01", "40001"]);
/** A race for a new subject key is lost at most once per subject unless it is erased meanwhile. */
const MAX_KEY_RACES = 3;

/**
 * Writes all appends or none (single and multi-stream appends share this). A refusal is a
 * committed replay (reported as such), a violated expectation (the first stream, in the
 * caller's order, whose expectation its actual version does not meet), or a race with a
 * transaction that then rolled back, which is worth another try. An append that lost the
 * race to create a subject's key (its events were encrypted with the losing key) is
 * prepared again, with the winning key, and retried.
 */
export async function appendWithRetries(
  deps: AppendDependencies,
  streamAppends: readonly StreamAppend[],
  defaults: EventMetadata = {},
): Promise<AppendResult[]> {
  let prepared = await prepareAppends(deps, streamAppends, defaults);
  let keyRaces = 0;
  let attempt = 0;
  for (;;) {
    const outcome = await attemptRetryingTransient(deps, prepared);
    if ("subjectKeyTaken" in outcome) {
      keyRaces += 1;
      if (keyRaces >= MAX_KEY_RACES) throw new Error("Could not create subject keys");
      prepared = await prepareAppends(deps, streamAppends, defaults);
      continue;
    }
    attempt += 1;
    if ("recorded" in outcome) {
      return outcome.recorded.map((events) => resultOf(events, false));
    }
    const { appends } = prepared;
    const replay = await findCommittedReplay(deps, appends);
    if (replay) return replay.map((events) => resultOf(events, true));

    const actual = await streamVersions(
      deps.pool,
      appends.map((append) => append.streamId),
    );
    const violated = appends.find(
      (append) => !satisfiesExpectedVersion(append.expected, actual.get(append.streamId) ?? 0),
    );
    const refused = violated ?? (attempt >= MAX_ATTEMPTS ? appends[outcome.refusedAt] : undefined);
    if (refused) {
      const version = actual.get(refused.streamId) ?? 0;
      throw new ConcurrencyConflictError(refused.streamId, refused.expected, version);
    }
  }
}

async function attemptRetryingTransient(deps: AppendDependencies, prepared: PreparedAppends) {
  for (let retry = 0; ; retry++) {
    try {
      return await attemptAppends(deps, prepared);
    } catch (error) {
      const sqlState = transientSqlState(error);
      if (retry >= MAX_TRANSIENT_RETRIES || sqlState === undefined) throw error;
      deps.onTransientRetry?.(sqlState);
      await new Promise((resolve) => setTimeout(resolve, transientBackoffMs(retry)));
    }
  }
}

/** 2–4 ms before the first retry, doubling, at most about 250 ms; random, to break lockstep. */
function transientBackoffMs(retry: number): number {
  const ceiling = Math.min(256, 4 * 2 ** retry);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** The SQLSTATE of a deadlock or serialization failure; undefined for any other error. */
function transientSqlState(error: unknown): string | undefined {
  const sqlState =
    error instanceof InlineProjectionError || error instanceof AppendWriteError
      ? error.sqlState
      : databaseErrorFields(error).sqlState;
  return sqlState !== undefined && TRANSIENT_SQL_STATES.has(sqlState) ? sqlState : undefined;
}

export async function streamVersion(db: pg.Pool | pg.PoolClient, streamId: string) {
  return (await streamVersions(db, [streamId])).get(streamId) ?? 0;
}

async function streamVersions(db: pg.Pool | pg.PoolClient, streamIds: readonly string[]) {
  const { rows } = await db.query<{ stream_id: string; version: string }>({
    name: "eventstore_stream_versions",
    text: "SELECT stream_id, version FROM eventstore_streams WHERE stream_id = ANY($1::text[])",
    values: [streamIds],
  });
  return new Map(rows.map((row) => [row.stream_id, Number(row.version)]));
}

function resultOf(events: RecordedEvent[], alreadyAppended: boolean): AppendResult {
  const last = events[events.length - 1] as RecordedEvent;
  return {
    streamId: last.streamId,
    nextExpectedVersion: last.streamVersion,
    lastPosition: { transactionId: last.transactionId, globalPosition: last.globalPosition },
    events,
    alreadyAppended,
  };
}
