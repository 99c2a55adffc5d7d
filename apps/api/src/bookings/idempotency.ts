import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { AppError } from "../errors/app-error.ts";
import { toAppError } from "../errors/to-app-error.ts";

interface StoredOutcome {
  request_hash: string;
  status_code: number | null;
  response: unknown;
}

const waitForFirstMs = 15_000;

/**
 * Runs `work` once per (scope, key). A replay with the same request answers the first
 * outcome, also while the first is still running (it waits for it); another request under
 * the same key is IDEMPOTENCY_KEY_REUSED. Expected failures (4xx) are remembered like
 * successes; a failure that may pass on retry (5xx) frees the key again.
 */
export async function once<T>(
  pool: pg.Pool,
  scope: string,
  key: string,
  request: unknown,
  work: () => Promise<T>,
): Promise<T> {
  const requestHash = createHash("sha256").update(canonicalJson(request)).digest("hex");
  const claimed = await pool.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (scope, key) DO NOTHING`,
    [scope, key, requestHash],
  );
  if (claimed.rowCount === 0) return replay<T>(pool, scope, key, requestHash);
  try {
    const result = await work();
    await store(pool, scope, key, 200, result);
    return result;
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") {
      await pool
        .query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2", [scope, key])
        .catch(() => undefined);
    } else {
      await store(pool, scope, key, 400, {
        code: appError.code,
        message: appError.message,
        details: appError.details,
      });
    }
    throw error;
  }
}

async function replay<T>(
  pool: pg.Pool,
  scope: string,
  key: string,
  requestHash: string,
): Promise<T> {
  const deadline = Date.now() + waitForFirstMs;
  for (;;) {
    const { rows } = await pool.query<StoredOutcome>(
      "SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2",
      [scope, key],
    );
    const row = rows[0];
    if (row && row.request_hash !== requestHash) {
      throw new AppError(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used for a different request.",
      );
    }
    if (row?.status_code === 200) return row.response as T;
    if (row?.status_code) {
      const failure = row.response as {
        code: AppError["code"];
        message: string;
        details?: Record<string, unknown>;
      };
      throw new AppError(failure.code, failure.message, {
        ...(failure.details ? { details: failure.details } : {}),
      });
    }
    // Not there any more: the first attempt failed in a way worth retrying; so do we.
    if (!row)
      throw new AppError(
        "CONCURRENCY_CONFLICT",
        "The first request with this key failed; send it again.",
      );
    if (Date.now() > deadline) {
      throw new AppError(
        "CONCURRENCY_CONFLICT",
        "The first request with this key is still running; try again.",
      );
    }
    await sleep(25);
  }
}

async function store(
  pool: pg.Pool,
  scope: string,
  key: string,
  statusCode: number,
  response: unknown,
) {
  await pool.query(
    "UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2",
    [scope, key, statusCode, JSON.stringify(response)],
  );
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
