import { openTcpDoor } from "@booking/vitest-config/tcp-door";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { afterEach, expect, test, vi } from "vitest";
import { event, eventually, freshStream, storeOn, usePool } from "../test/store-fixture.ts";
import type { RecordedEvent } from "./event-types.ts";

const database = useTestDatabase();
const direct = usePool(() => database().url);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
  vi.restoreAllMocks();
});

test("a subscription outlives a database outage: it says so once, then resumes where it stood", async () => {
  const gate = await openTcpDoor(database().url);
  const pool = new pg.Pool({ connectionString: gate.url, max: 4 });
  pool.on("error", () => {});
  cleanup.push(() => gate.close());
  cleanup.push(() => pool.end());
  const warnings: string[] = [];
  vi.spyOn(console, "warn").mockImplementation((message: unknown) => {
    warnings.push(String(message));
  });
  const delivered: RecordedEvent[] = [];
  const stream = freshStream("outage");
  const runner = storeOn(pool).subscribe({
    name: `outage-${stream}`,
    leaseRetryMs: 20,
    pollIntervalMs: 50,
    async handle(events) {
      delivered.push(...events.filter((e) => e.streamId === stream));
    },
  });
  cleanup.push(() => runner.stop());
  await storeOn(direct()).append(stream, [event("Before")]);
  runner.start();
  await eventually(() => delivered.length === 1);

  gate.shut();
  const attemptsAtShut = gate.attempts;
  // Many retries while the database is away…
  await eventually(() => gate.attempts >= attemptsAtShut + 10);
  await storeOn(direct()).append(stream, [event("During")]);
  // …one warning for all of them.
  expect(warnings.filter((w) => w.includes("lost its connection"))).toHaveLength(1);
  expect(runner.status().state).toBe("standby");

  gate.open();
  await eventually(() => delivered.length === 2);
  expect(delivered.map((e) => e.type)).toEqual(["Before", "During"]);
  expect(warnings.filter((w) => w.includes("reaches the database again"))).toHaveLength(1);
  expect(runner.status().state).toBe("active");
});
