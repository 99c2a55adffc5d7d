import type { Database } from "../db/schema.ts";

/**
 * What becomes of each of the api's tables in a backup (docs/adr/0014-backup-and-restore.md).
 * Keyed by every table of the Database interface: a new table does not compile until it
 * is placed.
 * - `kept`: exists nowhere else (credentials, feeds, stored answers, the outbox): its rows
 *   are copied into the backup as they are;
 * - `replayed`: written by an inline projection: refilled by replaying the log;
 * - `projected`: an asynchronous projection's: refilled from the log, checkpoint at the end;
 * - `transient`: worth nothing after a restore (rate-limit windows, rebuild requests).
 * The event store's own tables are handled apart: events and subject keys are the backup's
 * core, streams are derived from the events, subscriptions are set by the restore, and
 * snapshots are a cache.
 */
export const tableFates = {
  users: "replayed",
  sessions: "kept",
  api_tokens: "kept",
  rate_limit_hits: "transient",
  venues: "replayed",
  resources: "replayed",
  offerings: "replayed",
  reservations: "replayed",
  bookings: "replayed",
  idempotency_keys: "kept",
  projection_rebuilds: "transient",
  statistics_venues: "projected",
  statistics_bookings: "projected",
  statistics_monthly: "projected",
  calendar_entries: "projected",
  notifications: "kept",
  notification_attempts: "kept",
  calendar_feeds: "kept",
} as const satisfies Record<keyof Database, "kept" | "replayed" | "projected" | "transient">;

export type TableName = keyof typeof tableFates;

/**
 * The kept tables in the order a restore inserts them: after the replay (sessions and
 * tokens refer to users), parents before children.
 */
export const keptTables = [
  "sessions",
  "api_tokens",
  "calendar_feeds",
  "idempotency_keys",
  "notifications",
  "notification_attempts",
] as const satisfies readonly TableName[];

/** Tables a restore needs empty: everything that is not transient. */
export const tablesThatMustBeEmpty: readonly string[] = [
  "eventstore_events",
  "eventstore_subject_keys",
  ...Object.entries(tableFates)
    .filter(([, fate]) => fate !== "transient")
    .map(([table]) => table),
];
