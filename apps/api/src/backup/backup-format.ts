import { createHmac } from "node:crypto";
import type { StoredLogEvent } from "@booking/eventstore";
import { z } from "zod";
import type { Secrets } from "../config/secrets.ts";

/**
 * A backup is NDJSON: this header, then one line per checkpoint, event, subject key and
 * kept row, in that order (docs/adr/0014-backup-and-restore.md).
 */
export const BACKUP_FORMAT = "booking-backup";
export const BACKUP_FORMAT_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  /** The last migration of the database it was taken from. */
  schemaVersion: z.string(),
  createdAt: z.string(),
  /** Tells whether a restore runs with the secret the backup's keys are wrapped with. */
  secretCheck: z.string(),
  counts: z.object({
    checkpoints: count,
    events: count,
    subjectKeys: count,
    rows: z.record(z.string(), count),
  }),
  /** sha256 over the event lines: the identity of the log, recomputable from a database. */
  eventLogSha256: sha256Hex,
  /** sha256 over every line after the header: the integrity of the file. */
  sha256: sha256Hex,
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** Where a reactor stood: the positions of the events it had not handled yet. */
export interface CheckpointLine {
  kind: "checkpoint";
  name: string;
  pending: number[];
}

export type EventLine = { kind: "event" } & StoredLogEvent;

export interface SubjectKeyLine {
  kind: "subjectKey";
  subjectId: string;
  /** base64, still wrapped by the master key. */
  wrappedKey: string;
}

export interface RowLine {
  kind: "row";
  table: string;
  /** As PostgreSQL's row_to_json writes it; json_populate_record reads it back exactly. */
  row: Record<string, unknown>;
}

export type BodyLine = CheckpointLine | EventLine | SubjectKeyLine | RowLine;

/** The canonical line of an event: the same bytes from a backup and from any database. */
export function eventLine(event: StoredLogEvent): string {
  return `${JSON.stringify({ kind: "event", ...event })}\n`;
}

/**
 * A keyed hash of a fixed text under the personal-data master key: equal only when the
 * restoring installation has the same secret, and reveals nothing about it.
 */
export function secretCheckOf(secrets: Secrets): string {
  return createHmac("sha256", secrets.personalDataMasterKey)
    .update("booking backup secret check")
    .digest("hex");
}
