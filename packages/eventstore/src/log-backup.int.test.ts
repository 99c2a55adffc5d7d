import { randomBytes } from "node:crypto";
import { createTestDatabase, useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { expect, test } from "vitest";
import { event, eventually, storeOn, usePool } from "../test/store-fixture.ts";
import { defineInlineProjection } from "./inline-projection.ts";
import {
  completeRestoredLog,
  insertStoredEvents,
  insertWrappedSubjectKeys,
  isStoreEmpty,
  positionsAfterCheckpoint,
  readStoredLog,
  readWrappedSubjectKeys,
  replayInlineProjections,
  setSubscriptionCheckpoint,
} from "./log-backup.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);
const masterKey = randomBytes(32);

test("a restored log keeps positions, versions and keys; new appends come after it", async () => {
  const source = storeOn(pool(), { masterKey });
  await source.append("a", [event("A1", { x: 1 }), event("A2")], {
    metadata: { correlationId: "c-1", actor: { userId: "u" } },
  });
  const personal = (subjectId: string, email: string) => ({
    ...event("B1", { email }),
    personal: { subjectId, fields: ["email"] },
  });
  await source.append("b", [personal("kept", "kept@example.org")]);
  await source.append("c", [personal("erased", "erased@example.org")]);
  await source.append("a", [event("A3")]);
  await source.eraseSubject("erased");
  await setSubscriptionCheckpoint(pool(), "reactor", {
    transactionId: "0",
    globalPosition: 0,
  });

  const events = await readStoredLog(pool(), 0, 100);
  expect(events.map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5]);
  expect(events[0]?.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  expect(JSON.stringify(events)).not.toContain("@example.org");
  expect(await readStoredLog(pool(), 3, 100)).toEqual(events.slice(3));
  const keys = await readWrappedSubjectKeys(pool());
  expect(keys.map((key) => key.subjectId)).toEqual(["kept"]);
  expect(await positionsAfterCheckpoint(pool(), "reactor")).toEqual([1, 2, 3, 4, 5]);
  expect(await positionsAfterCheckpoint(pool(), "never-started")).toBeUndefined();

  const target = await createTestDatabase();
  const targetPool = new pg.Pool({ connectionString: target.url });
  targetPool.on("error", () => {});
  const seen: string[] = [];
  const projection = defineInlineProjection({
    name: "seen",
    async handle(replayed) {
      for (const e of replayed) seen.push(`${e.streamId}:${JSON.stringify(e.data)}`);
    },
  });
  try {
    expect(await isStoreEmpty(targetPool)).toBe(true);
    const client = await targetPool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: string }>(
        "SELECT pg_current_xact_id()::text AS id",
      );
      const own = rows[0]?.id ?? "";
      // Older events under an id below the transaction's own: they sort first.
      await insertStoredEvents(client, events.slice(0, 3), (BigInt(own) - 1n).toString());
      await insertStoredEvents(client, events.slice(3), own);
      await insertWrappedSubjectKeys(client, keys);
      const end = await completeRestoredLog(client);
      expect(end).toEqual({ transactionId: own, globalPosition: 5 });
      const restored = storeOn(targetPool, { masterKey });
      expect(await replayInlineProjections(client, restored.decoder, [projection], 2)).toBe(5);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(seen).toEqual([
      'a:{"x":1}',
      "a:{}",
      'b:{"email":"kept@example.org"}',
      'c:{"email":"[erased]"}',
      "a:{}",
    ]);
    expect(await readStoredLog(targetPool, 0, 100)).toEqual(events);
    expect(await isStoreEmpty(targetPool)).toBe(false);
    const restored = storeOn(targetPool, { masterKey });
    const next = await restored.append("a", [event("A4")], { expectedVersion: 3 });
    expect(next.nextExpectedVersion).toBe(4);
    // readAll holds back events while any older transaction in the cluster is open (other
    // test files share the server), so the new append shows once that horizon has passed.
    const positions = async () => (await restored.readAll()).events.map((e) => e.globalPosition);
    await eventually(async () => (await positions()).length === 6);
    expect(await positions()).toEqual([1, 2, 3, 4, 5, 6]);
  } finally {
    await targetPool.end();
    await target.drop();
  }
});
