import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createLogger } from "../observability/logger.ts";
import { startPeriodicJobs } from "./periodic-job.ts";

const database = useTestDatabase();
let pools: pg.Pool[] = [];

beforeAll(() => {
  pools = [
    new pg.Pool({ connectionString: database().url }),
    new pg.Pool({ connectionString: database().url }),
  ];
  // The test database is dropped (with force) after the file: idle clients may see that.
  for (const pool of pools) pool.on("error", () => {});
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

test("with two processes, each round of a job runs in one of them at a time", async () => {
  let running = 0;
  let overlaps = 0;
  let rounds = 0;
  const job = {
    name: "exclusive",
    intervalMs: 10,
    async run() {
      running += 1;
      if (running > 1) overlaps += 1;
      await new Promise((resolve) => setTimeout(resolve, 25));
      running -= 1;
      rounds += 1;
      return 0;
    },
  };
  const logger = createLogger("silent");
  const processes = pools.map((pool) => startPeriodicJobs(pool, [job], logger));
  await expect.poll(() => rounds, { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
  await Promise.all(processes.map((running) => running.stop()));
  expect(overlaps).toBe(0);
});

test("a failing round is logged and the job keeps its schedule", async () => {
  let attempts = 0;
  const job = {
    name: "flaky",
    intervalMs: 10,
    async run() {
      attempts += 1;
      if (attempts === 1) throw new Error("first round fails");
      return 1;
    },
  };
  const [pool] = pools;
  if (!pool) throw new Error("no pool");
  const running = startPeriodicJobs(pool, [job], createLogger("silent"));
  await expect.poll(() => attempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await running.stop();
});
