import { createHash } from "node:crypto";
import { AppendWriteError, defineWrite, type PlannedWrite } from "@booking/eventstore";
import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import type { Database as Tables } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";
import { toAppError } from "../errors/to-app-error.ts";

/** Stores a request's outcome with the events it appends; see `once`. */
export type RecordOutcome<T> = (response: T) => PlannedWrite;

interface Outcome {
  request_hash: string;
  status_code: number | null;
  response: unknown;
}

const SUCCEEDED = 200;
const REFUSED = 400;

/**
 * The key's record, written by the append statement of the request's events: the booking
 * and its key's outcome commit together or not at all, so no crash can leave a key without
 * its booking, a booking without its key, or a key waiting for an answer that never comes.
 */
const recordSuccess = defineWrite<
  Tables,
  { scope: string; key: string; requestHash: string; response: string }
>((db, value) =>
  db
    .insertInto("idempotency_keys")
    .columns(["scope", "key", "request_hash", "status_code", "response"])
    .expression(
      db
        .selectFrom("appended")
        .select([
          value("scope").as("scope"),
          value("key").as("key"),
          value("requestHash").as("request_hash"),
          sql.lit(SUCCEEDED).as("status_code"),
          sql<unknown>`${value("response")}::jsonb`.as("response"),
        ]),
    ),
);

/**
 * Runs `work` once per (scope, key). `work` gets `record`, the write that stores its
 * response; it must append that write with its events (`alsoWrite`), so the outcome is
 * saved in the same statement as the booking. Then:
 * - a replay with the same request answers the stored outcome; another request under the
 *   same key is IDEMPOTENCY_KEY_REUSED;
 * - a simultaneous duplicate runs too, but its append meets the first one's key (the
 *   unique index makes it wait for the first to commit) and is refused whole; it then
 *   answers the first one's outcome, so exactly one booking exists;
 * - a crash before the append commits leaves nothing: the retry creates the booking; a
 *   crash after it leaves both: the retry replays it;
 * - expected failures (4xx) are remembered like successes (no booking to keep in step
 *   with); a failure that may pass on retry (5xx) leaves the key free.
 */
export async function once<T>(
  database: Database,
  scope: string,
  key: string,
  request: unknown,
  work: (record: RecordOutcome<T>) => Promise<T>,
): Promise<T> {
  const requestHash = createHash("sha256").update(canonicalJson(request)).digest("hex");
  const first = await storedOutcome(database, scope, key);
  if (first) return replay<T>(first, requestHash);
  const record: RecordOutcome<T> = (response) =>
    recordSuccess({ scope, key, requestHash, response: JSON.stringify(response) });
  try {
    return await work(record);
  } catch (error) {
    // Whatever this attempt ran into (the key taken, or the slot taken by a duplicate),
    // a duplicate that committed first decides the answer.
    const winner = await storedOutcome(database, scope, key);
    if (winner) return replay<T>(winner, requestHash);
    if (error instanceof AppendWriteError) throw error;
    const appError = toAppError(error);
    if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") throw error;
    const stored = await storeRefusal(database, { scope, key, requestHash }, appError);
    if (!stored) {
      const racer = await storedOutcome(database, scope, key);
      if (racer) return replay<T>(racer, requestHash);
    }
    throw error;
  }
}

async function storedOutcome(
  database: Database,
  scope: string,
  key: string,
): Promise<Outcome | undefined> {
  return database.db
    .selectFrom("idempotency_keys")
    .select(["request_hash", "status_code", "response"])
    .where("scope", "=", scope)
    .where("key", "=", key)
    .executeTakeFirst();
}

function replay<T>(outcome: Outcome, requestHash: string): T {
  if (outcome.request_hash !== requestHash) {
    throw new AppError(
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was used for a different request.",
    );
  }
  if (outcome.status_code === SUCCEEDED) return outcome.response as T;
  const failure = outcome.response as {
    code: AppError["code"];
    message: string;
    details?: Record<string, unknown>;
  };
  throw new AppError(failure.code, failure.message, {
    ...(failure.details ? { details: failure.details } : {}),
  });
}

/** Remembers a refusal; false when another request under the key was stored first. */
async function storeRefusal(
  database: Database,
  id: { scope: string; key: string; requestHash: string },
  error: AppError,
): Promise<boolean> {
  const { numInsertedOrUpdatedRows } = await database.db
    .insertInto("idempotency_keys")
    .values({
      scope: id.scope,
      key: id.key,
      request_hash: id.requestHash,
      status_code: REFUSED,
      response: { code: error.code, message: error.message, details: error.details },
    })
    .onConflict((conflict) => conflict.columns(["scope", "key"]).doNothing())
    .executeTakeFirst();
  return (numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** JSON with sorted keys, so that the same body hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
