import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createGzip } from "node:zlib";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { PeriodicJob } from "../workers/periodic-job.ts";
import { backupStream } from "./backup.service.ts";

const nightlyFile = /^booking-nightly-(\d{4}-\d\d-\d\d)\.ndjson\.gz$/;

export function nightlyFileName(day: string): string {
  return `booking-nightly-${day}.ndjson.gz`;
}

/**
 * One backup per (UTC) day into BOOKING_BACKUP_DIR, gzipped, the newest `keep` kept (SD
 * cards die). A periodic job, so one api process at a time runs a round (advisory lock);
 * a round that finds today's file does nothing, so each day gets exactly one backup in a
 * directory, however many processes share it. Written under a temporary name and renamed:
 * a crash never leaves a file that looks complete.
 */
export function nightlyBackupJob(
  deps: Pick<AppDependencies, "config" | "database" | "secrets" | "projections" | "logger">,
  intervalMs = 15 * 60_000,
): PeriodicJob {
  return {
    name: "nightly-backup",
    intervalMs,
    async run(now) {
      const { directory, keep } = deps.config.backup;
      if (!directory) return 0;
      const day = now.toISOString().slice(0, 10);
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const existing = (await readdir(directory)).filter((file) => nightlyFile.test(file));
      if (existing.includes(nightlyFileName(day))) return 0;
      const file = join(directory, nightlyFileName(day));
      const partial = join(directory, `.${nightlyFileName(day)}.partial`);
      try {
        await pipeline(
          Readable.fromWeb(backupStream(deps) as NodeReadableStream<Uint8Array>),
          createGzip(),
          createWriteStream(partial, { mode: 0o600 }),
        );
        await rename(partial, file);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      const outdated = [...existing, nightlyFileName(day)].sort().reverse().slice(keep);
      await Promise.all(outdated.map((name) => rm(join(directory, name), { force: true })));
      deps.logger.info({ file, removed: outdated }, "nightly backup written");
      return 1;
    },
  };
}
