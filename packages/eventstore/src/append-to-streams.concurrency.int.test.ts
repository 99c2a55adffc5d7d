import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import { ConcurrencyConflictError } from "./event-store-errors.ts";
import type { RecordedEvent } from "./event-types.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url, 20);
const store = () => storeOn(pool());

/** Transaction ids of a stream's events, in stream order. */
async function transactionsOf(stream: string): Promise<string[]> {
  const events = await store().readStream(stream);
  expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
  return events.map((e) => e.transactionId);
}

// Without the up-front stream locks this deadlocks: each transaction holds the row of its
// first stream and waits for the other's (PostgreSQL would abort one with 40P01).
test("multi-stream appends in opposite orders never deadlock, lose or duplicate", async () => {
  const [x, y, z] = [freshStream("x"), freshStream("y"), freshStream("z")];
  const orders = [
    [x, y],
    [y, x],
    [z, y, x],
    [x, z],
    [y, z, x],
  ];
  const count = 60;
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      store().appendToStreams(
        (orders[i % orders.length] ?? []).map((streamId) => ({
          streamId,
          events: [event("Changed", { i })],
        })),
      ),
    ),
  );
  const touching = (s: string) => results.filter((r) => r.streams.some((p) => p.streamId === s));
  const byStream = { x: await transactionsOf(x), y: await transactionsOf(y) };
  expect(byStream.x).toHaveLength(touching(x).length);
  expect(byStream.y).toHaveLength(touching(y).length);
  expect(await transactionsOf(z)).toHaveLength(touching(z).length);
  for (const result of results) {
    expect(new Set(result.streams.map((s) => s.lastPosition.transactionId)).size).toBe(1);
  }
  // Serialized: every pair of transactions that wrote x and y did so in the same order.
  const inY = new Set(byStream.y);
  expect(byStream.x.filter((t) => inY.has(t))).toEqual(
    byStream.y.filter((t) => new Set(byStream.x).has(t)),
  );
});

test("optimistic transfers between two streams in random orders: every success counted once", async () => {
  const [a, b] = [freshStream("a"), freshStream("b")];
  const workers = 12;
  const transfersEach = 4;
  const transfer = async (worker: number, n: number) => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const [va, vb] = await Promise.all([store().streamVersion(a), store().streamVersion(b)]);
      const parts = [
        { streamId: a, events: [event("Out", { worker, n })], options: { expectedVersion: va } },
        { streamId: b, events: [event("In", { worker, n })], options: { expectedVersion: vb } },
      ];
      try {
        await store().appendToStreams(attempt % 2 === 0 ? parts : parts.reverse());
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
      }
    }
    throw new Error("Transfer never succeeded");
  };
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let n = 0; n < transfersEach; n++) await transfer(worker, n);
    }),
  );
  const key = (e: RecordedEvent) => JSON.stringify(e.data);
  const [outs, ins] = [await store().readStream(a), await store().readStream(b)];
  expect(outs).toHaveLength(workers * transfersEach);
  expect(new Set(outs.map(key)).size).toBe(outs.length);
  expect(ins.map(key)).toEqual(outs.map(key));
  expect(ins.map((e) => e.transactionId)).toEqual(outs.map((e) => e.transactionId));
});

test("concurrent retries of one multi-stream append write it exactly once", async () => {
  const appends = [freshStream(), freshStream()].map((streamId) => ({
    streamId,
    events: [{ ...event("Once"), eventId: randomUUID() }],
    options: { expectedVersion: "no_stream" as const },
  }));
  const results = await Promise.all(
    Array.from({ length: 10 }, () => store().appendToStreams(appends)),
  );
  expect(results.filter((r) => !r.alreadyAppended)).toHaveLength(1);
  for (const { streamId } of appends) expect(await transactionsOf(streamId)).toHaveLength(1);
});
