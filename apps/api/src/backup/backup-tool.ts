import { createWriteStream } from "node:fs";
import { access, rm, stat } from "node:fs/promises";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { pino } from "pino";
import { ConfigError, loadConfig } from "../config/config.ts";
import { loadSecrets, secretFilePath } from "../config/secrets.ts";
import { migrateToLatest } from "../db/migrator.ts";
import { backupFileName } from "./backup.service.ts";
import { verifyBackupFile } from "./backup-file.ts";
import { BackupRefusedError } from "./backup-refused.ts";
import { backupLines } from "./backup-snapshot.ts";
import { openOfflineDatabase } from "./offline-database.ts";
import { offlineDependencies } from "./offline-dependencies.ts";
import { assertSameSecret, restoreBackup } from "./restore.ts";
import { reactorNames, restoreTargetOf } from "./restore-target.ts";

// `booking backup --offline [file]` and `booking restore <file>` run this with the api's
// configuration (DATABASE_URL or BOOKING_DATA_DIR, BOOKING_SECRET): it needs no running
// api. With `backup -` the backup itself goes to stdout, so nothing else is written there.
const usage = "usage: backup-tool.ts backup [file|-] | restore <file>";
const restoreApplication = "booking-restore";

async function main(args: string[]): Promise<number> {
  const [command, file] = args;
  if (command !== "backup" && !(command === "restore" && file)) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const config = loadConfig();
  // Quiet unless asked: the embedded server's start-up is not the command's news.
  const logger = pino(
    { level: ["debug", "trace"].includes(config.logLevel) ? config.logLevel : "error" },
    pino.destination(2),
  );
  const started = performance.now();
  // A file that is no sound backup, or one of another installation, is refused before any
  // database (or secret) is made.
  const verified = command === "restore" && file ? await verifyBackupFile(file) : undefined;
  if (verified && !config.secret && !(await exists(secretFilePath(config.dataDir)))) {
    throw new BackupRefusedError(
      `No secret to restore with: set BOOKING_SECRET, or copy the secrets/booking-secret file of the installation that made the backup to ${secretFilePath(config.dataDir)}.`,
    );
  }
  const secrets = await loadSecrets(config);
  if (verified) assertSameSecret(verified, secrets);
  const application = command === "restore" ? restoreApplication : "booking-backup";
  const { database, close } = await openOfflineDatabase(config, logger, application);
  try {
    if (command === "restore" && file) {
      await migrateToLatest(database.db);
      const core = offlineDependencies(config, secrets, database, logger);
      const summary = await restoreBackup(
        restoreTargetOf(core, restoreApplication),
        file,
        verified,
      );
      const rows = Object.entries(summary.rows).map(([table, n]) => `${table} ${n}`);
      process.stdout.write(
        `Restored ${file}: ${summary.events} events, ${summary.subjectKeys} subject keys, rows: ${rows.join(", ") || "none"}; every read model rebuilt (${seconds(started)}).\nEvent log sha256 ${summary.eventLogSha256}\n`,
      );
      return 0;
    }
    const target = file ?? backupFileName(new Date());
    const lines = Readable.from(
      backupLines({ pool: database.pool, secrets, reactorNames: reactorNames() }),
    );
    if (target === "-") {
      await pipeline(lines, toStdout());
    } else {
      try {
        const output = createWriteStream(target, { mode: 0o600 });
        await (target.endsWith(".gz")
          ? pipeline(lines, createGzip(), output)
          : pipeline(lines, output));
      } catch (error) {
        await rm(target, { force: true });
        throw error;
      }
      const { size } = await stat(target);
      process.stdout.write(
        `Backup written to ${target} (${(size / 1024).toFixed(1)} KiB, ${seconds(started)}).\n`,
      );
    }
    return 0;
  } finally {
    await close();
  }
}

/** stdout as a pipeline's end that is never closed. */
function toStdout(): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      if (process.stdout.write(chunk)) done();
      else process.stdout.once("drain", () => done());
    },
  });
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof BackupRefusedError || error instanceof ConfigError;
    process.stderr.write(
      `${known ? (error as Error).message : `${command()} failed: ${(error as Error)?.message ?? error}`}\n`,
    );
    process.exit(error instanceof ConfigError ? 78 : 1);
  },
);

function command(): string {
  return process.argv[2] === "restore" ? "Restore" : "Backup";
}
