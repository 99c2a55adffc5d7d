import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterEach, beforeAll, expect, test } from "vitest";
import { event, eventually, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import type { SubscriptionHandlerError } from "./event-store-errors.ts";
import type { LogPosition, RecordedEvent } from "./event-types.ts";
import type { SubscriptionRunner } from "./subscription-runner.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url, 20);
const store = () => storeOn(pool());
const runners: SubscriptionRunner[] = [];

beforeAll(async () => {
  await pool().query(
    "CREATE TABLE seen (subscription text, event_id uuid, global_position bigint, PRIMARY KEY (subscription, event_id))",
  );
  // Every checkpoint value ever written, to prove it never goes backwards.
  await pool().query(`
    CREATE TABLE checkpoint_history (id bigserial, name text, transaction_id xid8, global_position bigint);
    CREATE FUNCTION log_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      INSERT INTO checkpoint_history (name, transaction_id, global_position)
      VALUES (NEW.name, NEW.transaction_id, NEW.global_position);
      RETURN NEW; END $$;
    CREATE TRIGGER log_checkpoint AFTER UPDATE ON eventstore_subscriptions
      FOR EACH ROW EXECUTE FUNCTION log_checkpoint();`);
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

/** A runner whose handler records each event exactly once, in its batch transaction. */
function recordingRunner(
  name: string,
  options: { pollIntervalMs?: number; leaseRetryMs?: number } = {},
) {
  const delivered: RecordedEvent[] = [];
  const runner = store().subscribe({
    name,
    batchSize: 7,
    pollIntervalMs: options.pollIntervalMs ?? 60_000,
    leaseRetryMs: options.leaseRetryMs ?? 20,
    async handle(events, { client }) {
      for (const e of events) {
        await client.query("INSERT INTO seen VALUES ($1, $2, $3)", [
          name,
          e.eventId,
          e.globalPosition,
        ]);
      }
      delivered.push(...events);
    },
  });
  runners.push(runner);
  return { runner, delivered };
}

async function seenCount(name: string): Promise<number> {
  const { rows } = await pool().query(
    "SELECT count(*)::int AS n FROM seen WHERE subscription = $1",
    [name],
  );
  return rows[0].n;
}

test("catches up from the start, then is woken by NOTIFY (no polling)", async () => {
  const stream = freshStream();
  await store().append(
    stream,
    Array.from({ length: 10 }, (_, i) => event("E", { i })),
  );
  expect(await store().subscriptionStatus("notify")).toMatchObject({ lag: 10 });
  const { runner, delivered } = recordingRunner("notify");
  runner.start();
  await eventually(() => delivered.length === 10);
  await store().append(stream, [event("Live")]);
  await eventually(() => delivered.length === 11);
  expect(delivered.map((e) => e.streamVersion)).toEqual(
    Array.from({ length: 11 }, (_, i) => i + 1),
  );
  await eventually(async () => (await runner.lag()) === 0);
  expect(runner.status().state).toBe("active");
});

test("falls back to polling when no notification arrives", async () => {
  const { runner, delivered } = recordingRunner("polling", { pollIntervalMs: 30 });
  runner.start();
  await eventually(async () => runner.status().state === "active" && (await runner.lag()) === 0);
  const before = delivered.length;
  await pool().query("ALTER TABLE eventstore_events DISABLE TRIGGER eventstore_events_notify");
  try {
    await store().append(freshStream(), [event("Silent")]);
    await eventually(() => delivered.length > before);
  } finally {
    await pool().query("ALTER TABLE eventstore_events ENABLE TRIGGER eventstore_events_notify");
  }
  expect(delivered.at(-1)?.type).toBe("Silent");
});

test("a handler error stops the subscription visibly; a reset to its checkpoint resumes", async () => {
  const stream = freshStream();
  await store().append(stream, [event("Good"), event("Poison"), event("After")]);
  let poisoned = true;
  const errors: SubscriptionHandlerError[] = [];
  const handled: string[] = [];
  const runner = store().subscribe({
    name: "failing",
    pollIntervalMs: 30,
    async handle(events) {
      for (const e of events) {
        if (e.type === "Poison" && poisoned) throw new Error("cannot digest");
      }
      handled.push(...events.filter((e) => e.streamId === stream).map((e) => e.type));
    },
    batchSize: 1,
    onError: (error) => errors.push(error),
  });
  runners.push(runner);
  runner.start();
  await eventually(() => runner.status().state === "failed");
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ code: "SUBSCRIPTION_HANDLER_FAILED", subscription: "failing" });
  const status = await store().subscriptionStatus("failing");
  expect(status.failure?.message).toContain("cannot digest");
  expect(runner.status().failure).toContain("cannot digest");
  expect(status.lag).toBeGreaterThanOrEqual(2);
  expect(handled.filter((t) => t !== "Good")).toEqual([]);

  poisoned = false;
  await store().resetSubscription("failing", { to: status.position });
  await eventually(() => handled.includes("After"));
  expect(handled.slice(-2)).toEqual(["Poison", "After"]);
});

test("reset rebuilds from zero, atomically with clearing the read model", async () => {
  const name = "rebuild";
  await store().append(freshStream(), [event("A"), event("B"), event("C")]);
  const { runner } = recordingRunner(name, { pollIntervalMs: 50 });
  runner.start();
  await eventually(async () => (await runner.lag()) === 0);
  const total = await seenCount(name);
  await store().resetSubscription(name, {
    within: async ({ client }) => {
      await client.query("DELETE FROM seen WHERE subscription = $1", [name]);
    },
  });
  await eventually(async () => (await seenCount(name)) === total && (await runner.lag()) === 0);
});

test("takeover: the holder dies, the standby continues from the checkpoint", async () => {
  const name = "takeover";
  const stream = freshStream();
  await store().append(
    stream,
    Array.from({ length: 30 }, (_, i) => event("E", { i })),
  );
  const first = recordingRunner(name, { leaseRetryMs: 60_000 });
  first.runner.start();
  await eventually(() => first.runner.status().state === "active");
  const second = recordingRunner(name, { leaseRetryMs: 20 });
  second.runner.start();
  await eventually(async () => (await first.runner.lag()) === 0);
  expect(second.delivered).toEqual([]);

  // Kill the holder's session: its advisory lock is released by PostgreSQL.
  await pool().query(
    `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  await eventually(() => second.runner.status().state === "active");
  await store().append(
    stream,
    Array.from({ length: 20 }, (_, i) => event("F", { i })),
  );
  await eventually(async () => (await second.runner.lag()) === 0);

  expect(second.delivered.map((e) => e.type)).toEqual(Array.from({ length: 20 }, () => "F"));
  const { rows: all } = await pool().query("SELECT count(*)::int AS n FROM eventstore_events");
  // Exactly once each: `seen` has a primary key, a duplicate would have failed the handler.
  expect(await seenCount(name)).toBe(all[0].n);
  const { rows } = await pool().query<{ transaction_id: string; global_position: string }>(
    "SELECT transaction_id::text, global_position FROM checkpoint_history WHERE name = $1 ORDER BY id",
    [name],
  );
  const positions: LogPosition[] = rows.map((r) => ({
    transactionId: r.transaction_id,
    globalPosition: Number(r.global_position),
  }));
  for (let i = 1; i < positions.length; i++) {
    const [a, b] = [positions[i - 1] as LogPosition, positions[i] as LogPosition];
    expect(
      BigInt(b.transactionId) > BigInt(a.transactionId) || b.globalPosition > a.globalPosition,
    ).toBe(true);
  }
});

test("stop() is clean: the lease is released and the runner can be restarted", async () => {
  const { runner } = recordingRunner("stoppable");
  runner.start();
  await eventually(() => runner.status().state === "active");
  await runner.stop();
  expect(runner.status().state).toBe("stopped");
  const { rows } = await pool().query(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  expect(rows[0].n).toBe(0);
  runner.start();
  await eventually(() => runner.status().state === "active");
});

test("a subscription started at the end of the log sees only later events; an existing one keeps its checkpoint", async () => {
  const stream = freshStream();
  await store().append(stream, [event("Past"), event("Past")]);
  expect(await store().startSubscriptionAtEnd("from-now")).toBe(true);
  expect(await store().subscriptionStatus("from-now")).toMatchObject({ lag: 0 });
  const { runner, delivered } = recordingRunner("from-now");
  runner.start();
  await store().append(stream, [event("Future")]);
  await eventually(() => delivered.length === 1);
  expect(delivered.map((e) => e.type)).toEqual(["Future"]);
  // Called again (a restart, another process): nothing moves.
  await store().append(freshStream(), [event("Later")]);
  await eventually(() => delivered.length === 2);
  const before = await store().subscriptionStatus("from-now");
  expect(await store().startSubscriptionAtEnd("from-now")).toBe(false);
  expect((await store().subscriptionStatus("from-now")).position).toEqual(before.position);
});
