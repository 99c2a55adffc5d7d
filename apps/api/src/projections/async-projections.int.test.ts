import { randomUUID } from "node:crypto";
import { createEventStore, type EventStore } from "@booking/eventstore";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectDatabase, type Database } from "../db/database.ts";
import type { Database as Tables } from "../db/schema.ts";
import { createLogger } from "../observability/logger.ts";
import { createMetrics, type Metrics } from "../observability/metrics.ts";
import type { AsyncProjection } from "./async-projection.ts";
import { type AsyncProjections, createAsyncProjections } from "./async-projections.ts";

const testDatabase = useTestDatabase();
let database: Database;
let store: EventStore;
const running: AsyncProjections[] = [];

beforeAll(async () => {
  database = connectDatabase(testDatabase().url, createLogger("silent"));
  store = createEventStore({ pool: database.pool });
});
afterAll(async () => {
  await Promise.all(running.map((projections) => projections.stop()));
  await database.close();
});

/** What a test does to the handler: fail once after writing, die, go slowly. */
interface Faults {
  throwAfterWriting: number;
  terminateAfterWriting: number;
  delayMs: number;
}

/**
 * Counts its own `<name>Counted` events per stream in a table of its own (with a second index, to see
 * that a rebuild's copy keeps the index names).
 */
async function countingProjection(name: string, faults: Partial<Faults> = {}) {
  const table = `${name}_counts`;
  await database.pool.query(
    `CREATE TABLE ${table} (stream_id text PRIMARY KEY, events integer NOT NULL)`,
  );
  await database.pool.query(`CREATE INDEX ${table}_events_idx ON ${table} (events)`);
  const state: Faults = { throwAfterWriting: 0, terminateAfterWriting: 0, delayMs: 0, ...faults };
  const projection: AsyncProjection = {
    name,
    tables: [table as keyof Tables],
    eventTypes: [`${name}Counted`],
    batchSize: 5,
    async handle(events, { client }) {
      for (const event of events) {
        await client.query(
          `INSERT INTO ${table} (stream_id, events) VALUES ($1, 1)
           ON CONFLICT (stream_id) DO UPDATE SET events = ${table}.events + 1`,
          [event.streamId],
        );
      }
      if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      if (state.throwAfterWriting > 0) {
        state.throwAfterWriting -= 1;
        throw new Error("crashed after writing");
      }
      if (state.terminateAfterWriting > 0) {
        state.terminateAfterWriting -= 1;
        await client.query("SELECT pg_terminate_backend(pg_backend_pid())");
      }
    },
  };
  return { projection, table, faults: state };
}

/** An api process's projections (several may run at once, like several processes). */
function start(projection: AsyncProjection, metrics: Metrics = createMetrics()) {
  const projections = createAsyncProjections(
    { eventStore: store, database, logger: createLogger("silent"), metrics },
    [projection],
    { supervisorIntervalMs: 50, pollIntervalMs: 50, leaseRetryMs: 50 },
  );
  projections.start();
  running.push(projections);
  return projections;
}

async function append(name: string, count: number, streams = 3): Promise<void> {
  const ids = Array.from({ length: streams }, () => `counted-${randomUUID()}`);
  for (let i = 0; i < count; i++) {
    await store.append(ids[i % streams] ?? "", [{ type: `${name}Counted`, data: { i } }]);
    // Other events move the checkpoint too, without a call of the handler.
    if (i % 4 === 0) await store.append(`other-${randomUUID()}`, [{ type: "Other", data: {} }]);
  }
}

async function counted(table: string): Promise<number> {
  const { rows } = await database.pool.query<{ total: string | null }>(
    `SELECT sum(events) AS total FROM ${table}`,
  );
  return Number(rows[0]?.total ?? 0);
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const caughtUp = (projections: AsyncProjections, name: string) =>
  eventually(
    () => projections.status(name),
    (status) => status.lag === 0 && status.state === "running",
  );

describe("exactly once", () => {
  test("a handler that throws after writing leaves nothing and the checkpoint where it was; the retry counts once", async () => {
    const { projection, table, faults } = await countingProjection("throwing", {
      throwAfterWriting: 1,
    });
    await append("throwing", 12);
    const projections = start(projection);
    const failed = await eventually(
      () => projections.status("throwing"),
      (status) => status.state === "failed",
    );
    expect(failed.failure?.message).toContain("crashed after writing");
    expect(failed.position).toEqual({ transactionId: "0", globalPosition: 0 });
    expect(await counted(table)).toBe(0);

    // Still failed a while later: nothing is skipped, nothing half-written.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await projections.status("throwing")).state).toBe("failed");
    expect(await counted(table)).toBe(0);

    expect(faults.throwAfterWriting).toBe(0);
    await projections.retry("throwing");
    await caughtUp(projections, "throwing");
    expect(await counted(table)).toBe(12);
  });

  test("a connection killed mid-batch rolls the batch back; the runner goes on and counts once", async () => {
    const { projection, table, faults } = await countingProjection("killed", {
      terminateAfterWriting: 2,
    });
    const projections = start(projection);
    await append("killed", 20);
    await caughtUp(projections, "killed");
    expect(faults.terminateAfterWriting).toBe(0);
    expect(await counted(table)).toBe(20);
  });

  test("two processes run the projection: one is active, every event is counted once", async () => {
    const { projection, table } = await countingProjection("shared");
    const first = start(projection);
    const second = start(projection);
    await append("shared", 30);
    await caughtUp(first, "shared");
    await first.stop();
    await append("shared", 10);
    await caughtUp(second, "shared");
    expect(await counted(table)).toBe(40);
  });
});

describe("rebuild", () => {
  test("serves the old rows until the rebuilt ones caught up, then swaps them in; appends meanwhile count once", async () => {
    const { projection, table, faults } = await countingProjection("rebuilt");
    const projections = start(projection);
    await append("rebuilt", 60);
    await caughtUp(projections, "rebuilt");
    const indexesBefore = await indexNames(table);
    // The served rows are wrong in a way only a rebuild repairs.
    await database.pool.query(`UPDATE ${table} SET events = events + 1000`);
    const served = await counted(table);

    faults.delayMs = 20;
    const requested = await projections.rebuild("rebuilt", null);
    expect(requested.state).toBe("rebuilding");
    expect(requested.rebuild).toMatchObject({ lag: expect.any(Number) });
    // A second request while one runs leaves it alone.
    expect((await projections.rebuild("rebuilt", null)).state).toBe("rebuilding");

    const seen: number[] = [];
    const appending = append("rebuilt", 10);
    let status = await projections.status("rebuilt");
    while (status.state === "rebuilding") {
      seen.push(await counted(table));
      status = await projections.status("rebuilt");
    }
    await appending;
    faults.delayMs = 0;
    await caughtUp(projections, "rebuilt");

    // While rebuilding, readers saw the served rows (and the live runner's additions), never
    // a partly rebuilt table; then the rebuilt ones, with every event once.
    const whileRebuilding = seen.slice(0, -1);
    expect(whileRebuilding.length).toBeGreaterThan(2);
    expect(whileRebuilding.every((total) => total >= served)).toBe(true);
    expect(await counted(table)).toBe(70);
    expect(await indexNames(table)).toEqual(indexesBefore);
    const { rows } = await database.pool.query(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'projection_rebuild_%'",
    );
    expect(rows).toEqual([]);
    expect(await projections.status("rebuilt")).toMatchObject({ rebuild: null, lag: 0 });
  });

  test("a rebuild clears a failure of the served projection", async () => {
    const { projection, table, faults } = await countingProjection("repaired");
    await append("repaired", 8);
    faults.throwAfterWriting = 1;
    const projections = start(projection);
    await eventually(
      () => projections.status("repaired"),
      (status) => status.state === "failed",
    );
    await projections.rebuild("repaired", null);
    await caughtUp(projections, "repaired");
    expect(await counted(table)).toBe(8);
  });

  test("a failed rebuild leaves the served rows alone; asking again starts it over", async () => {
    const { projection, table, faults } = await countingProjection("refailed");
    const projections = start(projection);
    await append("refailed", 6);
    await caughtUp(projections, "refailed");
    faults.throwAfterWriting = 1;
    await projections.rebuild("refailed", null);
    const failed = await eventually(
      () => projections.status("refailed"),
      (status) => status.rebuild?.failure !== null && status.rebuild?.failure !== undefined,
    );
    expect(failed).toMatchObject({ state: "rebuilding", failure: null });
    expect(await counted(table)).toBe(6);
    await projections.rebuild("refailed", null);
    await caughtUp(projections, "refailed");
    expect(await counted(table)).toBe(6);
  });

  test("tables changed by a migration during a rebuild are not replaced by older copies", async () => {
    const { projection, table, faults } = await countingProjection("migrated");
    const projections = start(projection);
    await append("migrated", 30);
    await caughtUp(projections, "migrated");
    faults.delayMs = 50;
    const first = (await projections.rebuild("migrated", null)).rebuild?.requestedAt;
    await database.pool.query(`ALTER TABLE ${table} ADD COLUMN note text`);
    await database.pool.query(`CREATE INDEX ${table}_note_idx ON ${table} (note)`);
    // Once the copies caught up, their shape gives them away: the rebuild starts over.
    await eventually(
      () => projections.status("migrated"),
      (status) => status.rebuild !== null && status.rebuild.requestedAt > (first ?? new Date()),
    );
    faults.delayMs = 0;
    await caughtUp(projections, "migrated");
    const { rows } = await database.pool.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
      [table],
    );
    expect(rows.map((row) => row.column_name)).toEqual(["stream_id", "events", "note"]);
    expect(await indexNames(table)).toContain(`${table}_note_idx`);
    expect(await counted(table)).toBe(30);
  });

  test("an unknown projection is NOT_FOUND", async () => {
    const { projection } = await countingProjection("known");
    const projections = start(projection);
    await expect(projections.rebuild("unknown", null)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

test("metrics: lag, failure and events processed per projection", async () => {
  const { projection } = await countingProjection("measured");
  const metrics = createMetrics();
  const projections = start(projection, metrics);
  await append("measured", 9);
  await caughtUp(projections, "measured");
  const processed = (body: string) =>
    Number(
      /booking_projection_events_processed_total\{projection="measured"\} (\d+)/.exec(body)?.[1],
    );
  // The series is there from the start (at 0); a batch counts once the runner saw it commit.
  // Every event of the log so far goes past its checkpoint in this process (other tests'
  // events included), the 9 Counted ones among them.
  const text = await eventually(
    () => metrics.registry.metrics(),
    (body) => processed(body) >= 9,
  );
  expect(text).toContain('booking_projection_lag_events{projection="measured"} 0');
  expect(text).toContain('booking_projection_failed{projection="measured"} 0');
});

async function indexNames(table: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ indexname: string }>(
    "SELECT indexname FROM pg_indexes WHERE tablename = $1 ORDER BY indexname",
    [table],
  );
  return rows.map((row) => row.indexname);
}
