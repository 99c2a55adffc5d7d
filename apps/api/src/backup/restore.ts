import {
  completeRestoredLog,
  insertStoredEvents,
  insertWrappedSubjectKeys,
  type LogPosition,
  type StoredLogEvent,
  setSubscriptionCheckpoint,
  type WrappedSubjectKey,
} from "@booking/eventstore";
import type pg from "pg";
import type { Secrets } from "../config/secrets.ts";
import { BodyCheck, fileLines, parseHeader, verifyBackupFile } from "./backup-file.ts";
import {
  type BackupHeader,
  type CheckpointLine,
  type RowLine,
  secretCheckOf,
} from "./backup-format.ts";
import { BackupRefusedError } from "./backup-refused.ts";
import { keptTables, tablesThatMustBeEmpty } from "./backup-tables.ts";
import { eventLogChecksum } from "./event-log-checksum.ts";
import { type ReactorTiers, reactorTiers } from "./reactor-tiers.ts";
import { refillReadModels } from "./read-model-refill.ts";
import type { RestoreTarget } from "./restore-target.ts";

const BATCH = 500;

export interface RestoreSummary {
  events: number;
  subjectKeys: number;
  rows: Record<string, number>;
  eventLogSha256: string;
}

/**
 * Restores a backup into an empty database (docs/adr/0014-backup-and-restore.md): the
 * file is checked whole first (header, counts, checksum, secret, schema), then loaded in
 * one transaction with every read model refilled, and the log's checksum recomputed from
 * the database before it commits. Any refusal or failure leaves the database as it was.
 */
export async function restoreBackup(
  target: RestoreTarget,
  path: string,
  /** The file's header when the caller has verified it already (verifyBackupFile). */
  verified?: BackupHeader,
): Promise<RestoreSummary> {
  const header = verified ?? (await verifyBackupFile(path));
  assertSameSecret(header, target.secrets);
  if (header.schemaVersion !== target.schemaVersion) {
    throw new BackupRefusedError(
      `This backup is of database schema ${header.schemaVersion}; this version of booking has ${target.schemaVersion}. Restore it with the version that made it, then upgrade (the api migrates at its start).`,
    );
  }
  const client = await target.pool.connect();
  try {
    await client.query("BEGIN");
    await refuseOtherConnections(client, target.applicationName);
    // Nothing may append while the log is loaded and its read models refilled.
    await client.query("LOCK TABLE eventstore_events, eventstore_subject_keys IN EXCLUSIVE MODE");
    await refuseNonEmpty(client);
    const loaded = await load(client, target, path, header.sha256);
    const restored = await eventLogChecksum(client);
    if (restored.sha256 !== header.eventLogSha256) {
      throw new Error(
        "The restored log differs from the backup's (checksum); nothing was restored.",
      );
    }
    await client.query("COMMIT");
    return { ...loaded, eventLogSha256: restored.sha256 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Refuses a backup whose keys are wrapped under another secret than `secrets`. */
export function assertSameSecret(header: BackupHeader, secrets: Secrets): void {
  if (header.secretCheck !== secretCheckOf(secrets)) {
    throw new BackupRefusedError(
      "This backup was made with another secret: its personal data keys would not open. Restore with the BOOKING_SECRET (or the data dir's secrets/booking-secret file) of the installation that made it.",
    );
  }
}

async function load(
  client: pg.PoolClient,
  target: RestoreTarget,
  path: string,
  sha256: string,
): Promise<Omit<RestoreSummary, "eventLogSha256">> {
  const { rows: own } = await client.query<{ id: string }>(
    "SELECT pg_current_xact_id()::text AS id",
  );
  const ownTransaction = BigInt(own[0]?.id ?? "0");
  const checkpoints: CheckpointLine[] = [];
  let tiers: ReactorTiers | undefined;
  let events: StoredLogEvent[] = [];
  let keys: WrappedSubjectKey[] = [];
  let end: LogPosition | undefined;
  const summary = { events: 0, subjectKeys: 0, rows: {} as Record<string, number> };
  const rows = new Map<string, Record<string, unknown>[]>();

  const flushEvents = async () => {
    tiers ??= reactorTiers(checkpoints, target.reactorNames, ownTransaction);
    for (const [transactionId, group] of tiers.group(events)) {
      await insertStoredEvents(client, group, transactionId);
    }
    summary.events += events.length;
    events = [];
  };
  const flushKeys = async () => {
    await insertWrappedSubjectKeys(client, keys);
    summary.subjectKeys += keys.length;
    keys = [];
  };
  // The log is whole: the read models can be refilled (the kept rows refer to users).
  const completeLog = async () => {
    if (end) return;
    await flushEvents();
    await flushKeys();
    end = await completeRestoredLog(client);
    await refillReadModels(client, target, end);
  };
  const flushRows = async (table: string) => {
    const batch = rows.get(table) ?? [];
    if (batch.length === 0) return;
    // json_populate_recordset reads row_to_json's text back into the table's own types.
    await client.query(
      `INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1::json)`,
      [JSON.stringify(batch)],
    );
    summary.rows[table] = (summary.rows[table] ?? 0) + batch.length;
    rows.set(table, []);
  };

  const check = new BodyCheck();
  let header: BackupHeader | undefined;
  for await (const text of fileLines(path)) {
    if (!header) {
      // Read again: the file must still be the one that was checked.
      header = parseHeader(text, path);
      if (header.sha256 !== sha256) throw changedMeanwhile(path);
      continue;
    }
    const line = check.read(text, path);
    if (line.kind === "checkpoint") {
      checkpoints.push(line);
    } else if (line.kind === "event") {
      const { kind: _kind, ...event } = line;
      events.push(event);
      if (events.length >= BATCH) await flushEvents();
    } else if (line.kind === "subjectKey") {
      keys.push({ subjectId: line.subjectId, wrappedKey: Buffer.from(line.wrappedKey, "base64") });
      if (keys.length >= BATCH) await flushKeys();
    } else {
      await completeLog();
      const table = keptTableOf(line, path);
      const batch = rows.get(table) ?? [];
      batch.push(line.row);
      rows.set(table, batch);
      if (batch.length >= BATCH) await flushRows(table);
    }
  }
  await completeLog();
  for (const table of keptTables) await flushRows(table);
  summary.rows = Object.fromEntries(
    keptTables.flatMap((table) => (summary.rows[table] ? [[table, summary.rows[table]]] : [])),
  );
  try {
    if (!header) throw changedMeanwhile(path);
    check.assertComplete(header, path);
  } catch (error) {
    throw error instanceof BackupRefusedError ? changedMeanwhile(path) : error;
  }
  const positions = (tiers ?? reactorTiers([], target.reactorNames, ownTransaction)).checkpoints(
    end ?? { transactionId: "0", globalPosition: 0 },
  );
  for (const [name, position] of positions) {
    await setSubscriptionCheckpoint(client, name, position);
  }
  return summary;
}

function changedMeanwhile(path: string): Error {
  return new BackupRefusedError(`${path} changed while it was restored; nothing was restored.`);
}

function keptTableOf(line: RowLine, path: string): string {
  const table = keptTables.find((name) => name === line.table);
  if (!table) throw new BackupRefusedError(`${path} has rows of an unknown table.`);
  return table;
}

async function refuseOtherConnections(client: pg.PoolClient, applicationName: string) {
  const { rows } = await client.query<{ n: number; names: string | null }>(
    `SELECT count(*)::int AS n, string_agg(DISTINCT application_name, ', ') AS names
     FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND backend_type = 'client backend' AND application_name <> $1`,
    [applicationName],
  );
  const others = rows[0];
  if (others && others.n > 0) {
    throw new BackupRefusedError(
      `${others.n} other connection(s) use this database (${others.names || "unnamed"}): stop the api before restoring. Nothing was changed.`,
    );
  }
}

async function refuseNonEmpty(client: pg.PoolClient) {
  const probes = tablesThatMustBeEmpty
    .map((table) => `SELECT '${table}' AS name WHERE EXISTS (SELECT 1 FROM ${table})`)
    .join(" UNION ALL ");
  const { rows } = await client.query<{ name: string }>(probes);
  if (rows.length > 0) {
    throw new BackupRefusedError(
      `The database is not empty (${rows.map((row) => row.name).join(", ")} hold data): a restore needs an empty one, e.g. a fresh BOOKING_DATA_DIR or an empty database in DATABASE_URL. Nothing was changed.`,
    );
  }
}
