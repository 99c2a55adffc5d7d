import { useTestDatabase } from "@booking/vitest-config/test-database";
import fc from "fast-check";
import { expect, test } from "vitest";
import { freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import { type AggregateDefinition, loadAggregate } from "./aggregate.ts";
import { saveSnapshot } from "./snapshots.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);
const store = () => storeOn(pool());

type Added = { type: "Added"; data: { n: number } };
type Doubled = { type: "Doubled"; data: Record<string, never> };
type CounterEvent = Added | Doubled;
interface Counter {
  total: number;
  history: number[];
}

const counter = (snapshot?: AggregateDefinition<Counter, CounterEvent>["snapshot"]) => ({
  name: "counter",
  initialState: (): Counter => ({ total: 0, history: [] }),
  evolve: (state: Counter, event: CounterEvent): Counter => {
    const total = event.type === "Added" ? state.total + event.data.n : state.total * 2;
    return { total: total % 1_000_003, history: [...state.history, total % 1_000_003] };
  },
  snapshot,
});

const eventArb: fc.Arbitrary<CounterEvent> = fc.oneof(
  fc.integer({ min: -50, max: 50 }).map((n) => ({ type: "Added" as const, data: { n } })),
  fc.constant({ type: "Doubled" as const, data: {} }),
);

test("property: snapshot + tail equals a full replay", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(eventArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 5 }),
      async (batches, every) => {
        const stream = freshStream("counter");
        const withSnapshots = counter({ stateSchemaVersion: 1, every });
        for (const batch of batches) {
          await store().append(stream, batch);
          // Loading between appends takes snapshots at varying versions.
          await loadAggregate(store(), withSnapshots, stream);
        }
        const replayed = await loadAggregate(store(), counter(), stream);
        const fromSnapshot = await loadAggregate(store(), withSnapshots, stream);
        expect(fromSnapshot).toEqual(replayed);
        expect(replayed.version).toBe(batches.flat().length);
      },
    ),
    { numRuns: 20 },
  );
});

test("a snapshot is used when its state schema version matches, ignored otherwise", async () => {
  const stream = freshStream("counter");
  await store().append(stream, [
    { type: "Added", data: { n: 2 } },
    { type: "Added", data: { n: 3 } },
  ]);
  // A deliberately wrong snapshot proves whether it is read.
  await saveSnapshot(pool(), stream, "counter", 1, {
    state: { total: 100, history: [] },
    version: 2,
  });
  const used = await loadAggregate(store(), counter({ stateSchemaVersion: 1, every: 100 }), stream);
  expect(used).toEqual({ state: { total: 100, history: [] }, version: 2 });
  const ignored = await loadAggregate(
    store(),
    counter({ stateSchemaVersion: 2, every: 100 }),
    stream,
  );
  expect(ignored).toEqual({ state: { total: 5, history: [2, 5] }, version: 2 });
});
