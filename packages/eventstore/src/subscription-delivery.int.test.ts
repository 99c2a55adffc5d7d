import { useTestDatabase } from "@booking/vitest-config/test-database";
import { expect, test } from "vitest";
import { event, eventually, storeOn, usePool } from "../test/store-fixture.ts";
import type { RecordedEvent } from "./event-types.ts";
import { defineInlineProjection } from "./inline-projection.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url, 20);

// Rolls back every append that carries a "Doomed" event, after its rows were inserted.
const saboteur = defineInlineProjection({
  name: "saboteur",
  eventTypes: ["Doomed"],
  async handle() {
    throw new Error("rolled back on purpose");
  },
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

test("concurrent writers with rollbacks: every committed event is delivered once, in per-stream order", async () => {
  const store = storeOn(pool(), { inlineProjections: [saboteur] });
  const delivered: RecordedEvent[] = [];
  const runner = store.subscribe({
    name: "stress",
    batchSize: 13,
    pollIntervalMs: 20,
    async handle(events) {
      delivered.push(...events);
    },
  });
  runner.start();

  const writers = 8;
  const appendsPerWriter = 25;
  const committed = new Set<string>();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const next = random(writer + 1);
      for (let i = 0; i < appendsPerWriter; i++) {
        const stream = `s-${Math.floor(next() * 5)}`;
        const doomed = next() < 0.25;
        const size = 1 + Math.floor(next() * 3);
        const events = Array.from({ length: size }, (_, k) =>
          event(doomed && k === size - 1 ? "Doomed" : "Fine", { writer, i, k }),
        );
        try {
          const result = await store.append(stream, events);
          for (const e of result.events) committed.add(e.eventId);
        } catch (error) {
          expect(error).toMatchObject({ code: "INLINE_PROJECTION_FAILED" });
        }
      }
    }),
  );

  await eventually(() => delivered.length >= committed.size);
  await eventually(async () => (await runner.lag()) === 0);
  await runner.stop();

  const ids = delivered.map((e) => e.eventId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(committed);
  const lastVersion = new Map<string, number>();
  for (const e of delivered) {
    expect(e.streamVersion).toBe((lastVersion.get(e.streamId) ?? 0) + 1);
    lastVersion.set(e.streamId, e.streamVersion);
  }
});
