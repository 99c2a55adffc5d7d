import pg from "pg";
import { afterAll } from "vitest";
import { createEventStore, type EventStore, type EventStoreOptions } from "../src/event-store.ts";

/** A pool on the test file's database, ended after the file's tests. */
export function usePool(url: () => string, max = 10): () => pg.Pool {
  let pool: pg.Pool | undefined;
  afterAll(async () => {
    await pool?.end();
  });
  return () => {
    if (!pool) {
      pool = new pg.Pool({ connectionString: url(), max });
      // Dropping the database at the end of the file terminates idle clients: expected.
      pool.on("error", () => {});
    }
    return pool;
  };
}

export function storeOn(pool: pg.Pool, options: Omit<EventStoreOptions, "pool"> = {}): EventStore {
  return createEventStore({ pool, ...options });
}

let streamCounter = 0;
/** A stream id no other test in the file uses. */
export function freshStream(prefix = "stream"): string {
  streamCounter += 1;
  return `${prefix}-${process.pid}-${streamCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function event(type: string, data: unknown = {}) {
  return { type, data };
}

/**
 * Polls until `check` holds; bounded by count, not asserted on time. Generous, because a
 * delivery waits for the oldest transaction open anywhere on the server (the global log's
 * horizon), and the other test files clone and drop their databases on the same server:
 * on a loaded machine those hold the horizon back for seconds at a time.
 */
export async function eventually(check: () => Promise<boolean> | boolean, attempts = 2_400) {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("Condition not reached");
}
