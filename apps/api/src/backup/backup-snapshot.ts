import { createHash } from "node:crypto";
import type pg from "pg";
import type { Secrets } from "../config/secrets.ts";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  secretCheckOf,
} from "./backup-format.ts";
import { type BodyCounts, backupBodyLines } from "./backup-lines.ts";

export interface BackupSource {
  pool: pg.Pool;
  secrets: Secrets;
  /** The subscriptions of the reactors: where each stood goes into the backup. */
  reactorNames: readonly string[];
  now?: () => Date;
}

/**
 * A consistent backup while the system runs: one repeatable read, read-only transaction,
 * so every line (log, keys, kept rows, checkpoints) is of the same instant and nobody
 * waits for it. The header needs the checksums, so the snapshot is read twice: once to
 * count and hash, once to hand out the lines. Stopping the iteration early rolls back.
 */
export async function* backupLines(source: BackupSource): AsyncGenerator<string> {
  const client = await source.pool.connect();
  let released = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const schemaVersion = await lastMigration(client);
    const counts: BodyCounts = { checkpoints: 0, events: 0, subjectKeys: 0, rows: {} };
    const everything = createHash("sha256");
    const eventLog = createHash("sha256");
    for await (const { kind, line } of backupBodyLines(client, source.reactorNames, counts)) {
      everything.update(line);
      if (kind === "events") eventLog.update(line);
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion,
      createdAt: (source.now?.() ?? new Date()).toISOString(),
      secretCheck: secretCheckOf(source.secrets),
      counts,
      eventLogSha256: eventLog.digest("hex"),
      sha256: everything.digest("hex"),
    };
    yield `${JSON.stringify(header)}\n`;
    const again: BodyCounts = { checkpoints: 0, events: 0, subjectKeys: 0, rows: {} };
    for await (const { line } of backupBodyLines(client, source.reactorNames, again)) {
      yield line;
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    client.release(error instanceof Error ? error : true);
    released = true;
    throw error;
  } finally {
    // Also reached when the reader stops early (a download cut off): the open transaction
    // must not go back into the pool.
    if (!released) {
      await client.query("ROLLBACK").catch(() => {});
      client.release();
    }
  }
}

async function lastMigration(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1",
  );
  return rows[0]?.name ?? "";
}
