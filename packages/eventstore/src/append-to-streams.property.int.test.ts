import { useTestDatabase } from "@booking/vitest-config/test-database";
import fc from "fast-check";
import { expect, test } from "vitest";
import { freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import { ConcurrencyConflictError } from "./event-store-errors.ts";
import { type ExpectedVersion, satisfiesExpectedVersion } from "./expected-version.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);

const partArb = fc.record({
  expected: fc.oneof(
    fc.constantFrom<ExpectedVersion>("any", "no_stream", "stream_exists"),
    fc.integer({ min: 0, max: 4 }),
  ),
  payloads: fc.array(fc.integer(), { minLength: 1, maxLength: 2 }),
});

// Up to three distinct streams out of four, in any order, each with its own expectation.
const commandArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 })
  .chain((streams) => fc.tuple(...streams.map((stream) => partArb.map((p) => ({ stream, ...p })))));

test("multi-stream appends agree with an all-or-nothing in-memory model", async () => {
  const store = storeOn(pool());
  await fc.assert(
    fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 10 }), async (commands) => {
      const prefix = freshStream("multi-prop");
      const model = new Map<number, number[]>();
      for (const parts of commands) {
        const outcome = await store
          .appendToStreams(
            parts.map(({ stream, expected, payloads }) => ({
              streamId: `${prefix}-${stream}`,
              events: payloads.map((data) => ({ type: "T", data })),
              options: { expectedVersion: expected },
            })),
          )
          .then(
            (result) => ({ ok: true as const, result }),
            (error: unknown) => ({ ok: false as const, error }),
          );
        const length = (stream: number) => model.get(stream)?.length ?? 0;
        const violated = parts.find((p) => !satisfiesExpectedVersion(p.expected, length(p.stream)));
        if (violated) {
          expect(outcome.ok).toBe(false);
          expect(outcome.ok || outcome.error).toBeInstanceOf(ConcurrencyConflictError);
          expect(outcome.ok || outcome.error).toMatchObject({
            streamId: `${prefix}-${violated.stream}`,
            actualVersion: length(violated.stream),
          });
          continue;
        }
        expect(outcome.ok).toBe(true);
        for (const { stream, payloads } of parts) {
          model.set(stream, [...(model.get(stream) ?? []), ...payloads]);
        }
        if (outcome.ok) {
          expect(outcome.result.streams.map((s) => s.nextExpectedVersion)).toEqual(
            parts.map((p) => length(p.stream)),
          );
        }
      }
      for (const stream of [0, 1, 2, 3]) {
        const events = await store.readStream(`${prefix}-${stream}`);
        expect(events.map((e) => e.data)).toEqual(model.get(stream) ?? []);
      }
    }),
    { numRuns: 25 },
  );
});
