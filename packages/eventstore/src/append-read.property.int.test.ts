import { useTestDatabase } from "@booking/vitest-config/test-database";
import fc from "fast-check";
import { expect, test } from "vitest";
import { freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import { ConcurrencyConflictError } from "./event-store-errors.ts";
import { type ExpectedVersion, satisfiesExpectedVersion } from "./expected-version.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);

const expectedVersionArb: fc.Arbitrary<ExpectedVersion> = fc.oneof(
  fc.constantFrom<ExpectedVersion>("any", "no_stream", "stream_exists"),
  fc.integer({ min: 0, max: 6 }),
);

const commandArb = fc.record({
  stream: fc.integer({ min: 0, max: 2 }),
  expected: expectedVersionArb,
  payloads: fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 3 }),
});

test("append and read agree with an in-memory model", async () => {
  const store = storeOn(pool());
  await fc.assert(
    fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), async (commands) => {
      const prefix = freshStream("prop");
      const model = new Map<number, unknown[]>();
      for (const { stream, expected, payloads } of commands) {
        const current = model.get(stream) ?? [];
        const attempt = store
          .append(
            `${prefix}-${stream}`,
            payloads.map((data) => ({ type: "T", data })),
            { expectedVersion: expected },
          )
          .then(
            (result) => ({ ok: true as const, result }),
            (error: unknown) => ({ ok: false as const, error }),
          );
        const outcome = await attempt;
        if (satisfiesExpectedVersion(expected, current.length)) {
          expect(outcome.ok).toBe(true);
          model.set(stream, [...current, ...payloads]);
          if (outcome.ok)
            expect(outcome.result.nextExpectedVersion).toBe(current.length + payloads.length);
        } else {
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) {
            expect(outcome.error).toBeInstanceOf(ConcurrencyConflictError);
            expect(outcome.error).toMatchObject({ actualVersion: current.length });
          }
        }
      }
      for (const [stream, payloads] of model) {
        const events = await store.readStream(`${prefix}-${stream}`);
        // JSON round trip: jsonb normalizes -0 and key order like JSON does.
        expect(events.map((e) => e.data)).toEqual(JSON.parse(JSON.stringify(payloads)));
        expect(events.map((e) => e.streamVersion)).toEqual(payloads.map((_, i) => i + 1));
        const from = Math.max(1, payloads.length - 1);
        const tail = await store.readStream(`${prefix}-${stream}`, { fromVersion: from, limit: 1 });
        expect(tail.map((e) => e.streamVersion)).toEqual([from]);
      }
    }),
    { numRuns: 25 },
  );
});
