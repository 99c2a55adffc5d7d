import { openTcpDoor, type TcpDoor } from "@booking/vitest-config/tcp-door";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterEach, expect, test } from "vitest";
import { createLogger } from "../observability/logger.ts";
import { type DatabaseHealth, watchDatabaseHealth } from "./database-health.ts";

const database = useTestDatabase();
const opened: { door: TcpDoor; health: DatabaseHealth }[] = [];
afterEach(async () => {
  for (const { door, health } of opened.splice(0)) {
    await health.stop();
    await door.close();
  }
});

async function watched() {
  const door = await openTcpDoor(database().url);
  const health = watchDatabaseHealth(door.url, createLogger("silent"), {
    intervalMs: 20,
    retryMs: 20,
    timeoutMs: 1_000,
  });
  opened.push({ door, health });
  return { door, health };
}

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(check()).toBe(true);
}

test.each([
  ["stops (connections refused)", (door: TcpDoor) => door.shut()],
  ["freezes (nothing answers)", (door: TcpDoor) => door.freeze()],
])("the watcher notices a database that %s, and its return", async (_, takeAway) => {
  const { door, health } = await watched();
  // It has connected and answered, and stays reachable while checks pass.
  await eventually(() => door.attempts > 0);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(health.reachable).toBe(true);
  expect(await health.ping(5_000)).toBe(true);

  takeAway(door);
  // Asked directly, it says so at once (within the time it is given)…
  expect(await health.ping(300)).toBe(false);
  // …and the watcher concludes it by itself.
  await eventually(() => !health.reachable);

  door.open();
  await eventually(() => health.reachable);
  expect(await health.ping(5_000)).toBe(true);
});
