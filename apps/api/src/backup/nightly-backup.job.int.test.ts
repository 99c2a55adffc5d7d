import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { beforeAll, expect, test } from "vitest";
import { useTestServer } from "../../test/test-server.ts";
import { createLogger } from "../observability/logger.ts";
import { type PeriodicJob, startPeriodicJobs } from "../workers/periodic-job.ts";
import { verifyBackupFile } from "./backup-file.ts";
import { nightlyBackupJob, nightlyFileName } from "./nightly-backup.job.ts";

let directory = "";
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "booking-nightly-"));
});
const server = useTestServer({
  env: {
    // Read when the server starts, after the directory above exists.
    get BOOKING_BACKUP_DIR() {
      return directory;
    },
    BOOKING_BACKUP_KEEP: "2",
  },
});

const day = (date: string) => new Date(`${date}T03:00:00Z`);

test("one gzipped backup per day, the newest `keep` kept, each a backup a restore accepts", async () => {
  const job = nightlyBackupJob(server().deps);
  expect(await job.run(day("2026-03-01"))).toBe(1);
  expect(await job.run(day("2026-03-01"))).toBe(0);
  expect(await job.run(day("2026-03-02"))).toBe(1);
  expect(await job.run(day("2026-03-03"))).toBe(1);
  expect((await readdir(directory)).sort()).toEqual([
    nightlyFileName("2026-03-02"),
    nightlyFileName("2026-03-03"),
  ]);
  const header = await verifyBackupFile(join(directory, nightlyFileName("2026-03-03")));
  expect(header.counts.events).toBeGreaterThan(0);
});

test("api processes sharing the database and the directory write the day's backup once", async () => {
  const today = new Date().toISOString().slice(0, 10);
  let rounds = 0;
  let written = 0;
  const job = nightlyBackupJob(server().deps, 10);
  const counted: PeriodicJob = {
    ...job,
    async run(now) {
      rounds += 1;
      const handled = await job.run(now);
      written += handled;
      return handled;
    },
  };
  const logger = createLogger("silent");
  const pools = [1, 2].map(
    () => new pg.Pool({ connectionString: server().deps.database.connectionString, max: 2 }),
  );
  const processes = pools.map((pool) => startPeriodicJobs(pool, [counted], logger));
  try {
    for (let attempt = 0; rounds < 10; attempt++) {
      if (attempt > 2000) throw new Error("the job did not run");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await Promise.all(processes.map((running) => running.stop()));
    await Promise.all(pools.map((pool) => pool.end()));
  }
  expect(written).toBe(1);
  expect(await readdir(directory)).toContain(nightlyFileName(today));
});
