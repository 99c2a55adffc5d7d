import type pg from "pg";
import {
  type AppendPlan,
  failedWriter,
  isWriteError,
  planAppend,
  plannedStatement,
} from "./append-planned.ts";
import { isRefusedInStatement, STREAM_LOCK_KEY } from "./append-statements.ts";
import { checkOut } from "./checked-out-client.ts";
import {
  AppendWriteError,
  databaseErrorFields,
  EventStoreError,
  InlineProjectionError,
} from "./event-store-errors.ts";
import type { RecordedEvent } from "./event-types.ts";
import { fastTypes } from "./fast-type-parsers.ts";
import { runInlineProjections } from "./inline-projection.ts";
import { runPooledStatement } from "./pooled-statement.ts";
import {
  type AppendDependencies,
  type InsertedRow,
  type PreparedAppend,
  type PreparedAppends,
  recordedEvents,
} from "./prepared-append.ts";
import { insertSubjectKeys } from "./subject-keys.ts";

/**
 * Events per append in the caller's order, the index of the append that was refused, or a
 * lost race for a new subject key (another transaction created it first: prepare again).
 */
export type Attempt =
  | { recorded: RecordedEvent[][] }
  | { refusedAt: number }
  | { subjectKeyTaken: true };

/**
 * Locks every stream of a multi-stream append up front, in one canonical order (by key), so
 * two such appends touching the same streams in opposite orders queue instead of
 * deadlocking. Row locks alone could not do it: a stream that does not exist yet has no
 * row to lock. Taking them first also lets the events go in in the caller's order, which is
 * then their order in the global log and for the inline projections. These are the keys
 * every append statement locks anyway (append-statements.ts: re-entrant here); the two-key
 * advisory space keeps them apart from subscription leases and the application's locks.
 */
const LOCK_STREAMS = {
  name: "eventstore_lock_streams",
  text: `SELECT pg_advisory_xact_lock(${STREAM_LOCK_KEY}, key)
         FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest($1::text[]) AS id ORDER BY key) k
         ORDER BY key`,
};

/** One try at writing every append; retries and conflict reporting are the caller's. */
export async function attemptAppends(
  deps: AppendDependencies,
  { appends, newKeys }: PreparedAppends,
): Promise<Attempt> {
  const [only] = appends;
  if (only && appends.length === 1 && !newKeys) {
    const plan = planAppend(deps.inlineProjections, only);
    if (plan.kind === "alone") return attemptAlone(deps.pool, only);
    if (plan.kind === "planned") return attemptPlanned(deps, only, plan);
  }
  return attemptInTransaction(deps, { appends, newKeys });
}

/**
 * Without inline projections or new subject keys one statement is its own transaction: one
 * round trip.
 */
async function attemptAlone(pool: pg.Pool, append: PreparedAppend): Promise<Attempt> {
  try {
    const { rows } = await runPooledStatement<InsertedRow>(pool, {
      ...append.statement,
      types: fastTypes,
    });
    return rows.length > 0 ? { recorded: [recordedEvents(append, rows)] } : { refusedAt: 0 };
  } catch (error) {
    if (isDuplicateEventId(error)) return { refusedAt: 0 };
    throw error;
  }
}

/**
 * The events, every projection's planned writes and the caller's writes in one statement,
 * in autocommit: one round trip, atomic by itself. Its failures read as those of the
 * transaction path: a refused expectation or a duplicate event id is a refusal (the
 * statement wrote nothing), a write's error is the caller's AppendWriteError or the
 * InlineProjectionError of its projection. When the error does not tell whose write failed
 * (failedWriter), the append is tried again the long way, where the caller's writes and
 * each projection run on their own (nothing was written, so this is a retry).
 */
async function attemptPlanned(
  deps: AppendDependencies,
  append: PreparedAppend,
  plan: Extract<AppendPlan, { kind: "planned" }>,
): Promise<Attempt> {
  try {
    const { rows } = await runPooledStatement<InsertedRow>(deps.pool, {
      ...plan.statement,
      types: fastTypes,
    });
    return rows.length > 0 ? { recorded: [recordedEvents(append, rows)] } : { refusedAt: 0 };
  } catch (error) {
    if (isRefusedInStatement(error) || isDuplicateEventId(error)) return { refusedAt: 0 };
    if (!isWriteError(error)) throw error;
    const writer = failedWriter(plan, error);
    if (writer && "caller" in writer) throw new AppendWriteError(append.streamId, error);
    if (writer) throw new InlineProjectionError(writer.projection, error);
    return attemptInTransaction(deps, { appends: [append], newKeys: undefined });
  }
}

/**
 * The stream locks come first, then the events, then the new subject keys, then the
 * projections. Nothing before the stream locks writes, so the transaction gets its id (the
 * global-log order) only once it holds them: whoever appended to these streams before has
 * ended, whoever appends next waits, and every stream stays in version order in the log. A
 * key inserted first would give the transaction its id before it waits for a stream, and an
 * append that overtook it there would take the lower version with a later id. Every append
 * takes its locks in one order (streams sorted by key, then keys sorted by subject), so none
 * can deadlock.
 */
async function attemptInTransaction(
  deps: AppendDependencies,
  { appends, newKeys }: PreparedAppends,
): Promise<Attempt> {
  const { client, release } = await checkOut(deps.pool);
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
    const recorded: RecordedEvent[][] = [];
    try {
      if (appends.length > 1) {
        await client.query({ ...LOCK_STREAMS, values: [appends.map((a) => a.streamId)] });
      }
      for (const append of appends) {
        const { rows } = await client.query<InsertedRow>({
          ...statementOf(append),
          types: fastTypes,
        });
        if (rows.length === 0) {
          await rollback();
          return { refusedAt: recorded.length };
        }
        recorded.push(recordedEvents(append, rows));
      }
      if (newKeys && !(await insertSubjectKeys(client, newKeys))) {
        await rollback();
        return { subjectKeyTaken: true };
      }
    } catch (error) {
      await rollback();
      if (isRefusedInStatement(error) || isDuplicateEventId(error)) {
        return { refusedAt: recorded.length };
      }
      const failed = appends[recorded.length];
      if (failed && failed.writes.length > 0 && isWriteError(error)) {
        throw new AppendWriteError(failed.streamId, error);
      }
      throw error;
    }
    try {
      await runInlineProjections(deps.inlineProjections, recorded.flat(), client);
      await client.query("COMMIT");
    } catch (error) {
      await rollback();
      throw error;
    }
    return { recorded };
  } catch (error) {
    const isExpected = error instanceof EventStoreError || databaseErrorFields(error).sqlState;
    if (!isExpected && error instanceof Error) connectionError ??= error;
    throw error;
  } finally {
    release(connectionError);
  }
}

/**
 * A stream with writes of the caller's takes the planned statement with just those: they
 * commit with its events, and run before any projection, here as on the planned path.
 */
function statementOf(append: PreparedAppend) {
  return append.writes.length === 0 ? append.statement : plannedStatement(append, append.writes);
}

function isDuplicateEventId(error: unknown): boolean {
  const { sqlState, constraint } = databaseErrorFields(error);
  return sqlState === "23505" && constraint === "eventstore_events_event_id_key";
}
