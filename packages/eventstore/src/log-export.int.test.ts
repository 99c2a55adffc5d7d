import { randomBytes } from "node:crypto";
import { createTestDatabase, useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { expect, test } from "vitest";
import { event, storeOn, usePool } from "../test/store-fixture.ts";
import type { RecordedEvent } from "./event-types.ts";
import { exportLog, importLog } from "./log-export.ts";

const database = useTestDatabase();
const pool = usePool(() => database().url);
const masterKey = randomBytes(32);

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const result: string[] = [];
  for await (const line of lines) result.push(line);
  return result;
}

test("export then import keeps streams, versions, metadata and encrypted fields", async () => {
  const source = storeOn(pool(), { masterKey });
  await source.append("a", [event("A1", { x: 1 }), event("A2")], {
    metadata: { correlationId: "c-1", actor: { userId: "u" } },
  });
  await source.append("b", [
    { ...event("B1", { email: "e@example.org" }), personal: { subjectId: "s", fields: ["email"] } },
  ]);
  await source.append("a", [event("A3")]);
  const lines = await collect(exportLog(pool()));
  expect(lines.join("")).not.toContain("e@example.org");

  const target = await createTestDatabase();
  const targetPool = new pg.Pool({ connectionString: target.url });
  targetPool.on("error", () => {});
  try {
    expect(await importLog(targetPool, lines)).toBe(4);
    const imported = storeOn(targetPool, { masterKey });
    // Positions and transaction ids are assigned anew by an import; all else is kept.
    const strip = (e: RecordedEvent) => ({ ...e, globalPosition: 0, transactionId: "" });
    for (const stream of ["a", "b"]) {
      const before = (await source.readStream(stream)).map(strip);
      expect((await imported.readStream(stream)).map(strip)).toEqual(before);
    }
    expect(await imported.streamVersion("a")).toBe(3);
    const next = await imported.append("a", [event("A4")], { expectedVersion: 3 });
    expect(next.nextExpectedVersion).toBe(4);
    await expect(importLog(targetPool, lines)).rejects.toMatchObject({ code: "IMPORT_FAILED" });
  } finally {
    await targetPool.end();
    await target.drop();
  }
});
