import { useTestDatabase } from "@booking/vitest-config/test-database";
import { expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import { compareLogPositions, logPositionOf } from "./event-types.ts";
import { defineInlineProjection } from "./inline-projection.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url, 20);

// Keeps each append's transaction open a moment after its rows are written, so writers of
// the same streams pile up behind one another (no timing is asserted).
const lingering = defineInlineProjection({
  name: "lingering",
  async handle(_events, { client }) {
    await client.query("SELECT pg_sleep(0.002)");
  },
});

// The global log is ordered by transaction id. Transaction ids are handed out before a
// writer waits for a stream, so without the stream lock taken first a writer that got its
// id earlier could be given the later versions, and subscribers would see them first.
test("the global log keeps every stream in version order under contended appends", async () => {
  const store = storeOn(pool(), { inlineProjections: [lingering] });
  const plain = storeOn(pool());
  const streams = [freshStream("hot"), freshStream("hot")];
  await Promise.all(
    Array.from({ length: 16 }, async (_, writer) => {
      for (let i = 0; i < 12; i++) {
        const stream = streams[(writer + i) % 2] as string;
        const events = [event("E", { writer, i }), event("F")];
        if (i % 3 === 0) {
          await plain.appendToStreams(
            streams.map((streamId) => ({ streamId, events: [event("Both", { writer, i })] })),
          );
        } else {
          await (i % 2 === 0 ? plain : store).append(stream, events);
        }
      }
    }),
  );
  for (const stream of streams) {
    const events = await plain.readStream(stream);
    const inLogOrder = [...events].sort((a, b) =>
      compareLogPositions(logPositionOf(a), logPositionOf(b)),
    );
    expect(inLogOrder.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
  }
});
