import { randomBytes, randomUUID } from "node:crypto";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { expect, test } from "vitest";
import { event, freshStream, storeOn, usePool } from "../test/store-fixture.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);
const masterKey = randomBytes(32);

// Stream reads use their own compact shape; the other reads decode full rows. Both must
// yield the same events, field for field. (Compared with the correlation read, which has
// no global-log horizon that other tests' transactions could hold back.)
test("a stream read equals the same events read as full rows", async () => {
  const store = storeOn(pool(), {
    masterKey,
    upcasters: [
      { type: "Old", fromSchemaVersion: 1, upcast: (d) => ({ ...(d as object), up: 1 }) },
    ],
  });
  const stream = freshStream();
  const correlationId = randomUUID();
  await store.append(stream, [event("Created", { n: 1, nested: { list: [1, "two", null] } })], {
    metadata: { correlationId, causationId: "cmd-1", actor: { userId: "u1" } },
  });
  await store.append(
    stream,
    [
      { type: "Old", data: { x: -0.5, big: 12345678901234 } },
      {
        type: "Personal",
        data: { email: "ada@example.org", keep: true },
        personal: { subjectId: "subject-ada", fields: ["email"] },
      },
    ],
    { metadata: { correlationId } },
  );
  // Sub-millisecond parts must be cut the same way on both paths.
  await pool().query(
    "UPDATE eventstore_events SET recorded_at = '1999-12-31 23:59:59.999999+00' WHERE stream_id = $1 AND stream_version = 2",
    [stream],
  );
  const fromLog = await store.readByCorrelationId(correlationId);
  expect(fromLog).toHaveLength(3);
  const read = await store.readStream(stream);
  expect(read).toEqual(fromLog);
  expect(read.map((e) => e.data)).toEqual([
    { n: 1, nested: { list: [1, "two", null] } },
    { x: -0.5, big: 12345678901234, up: 1 },
    { email: "ada@example.org", keep: true },
  ]);
  expect(read[1]?.recordedAt.toISOString()).toBe("1999-12-31T23:59:59.999Z");
  expect(await store.readStream(stream, { fromVersion: 2, limit: 1 })).toEqual([fromLog[1]]);
  expect(await store.readStream(freshStream())).toEqual([]);
});
