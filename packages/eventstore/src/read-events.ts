import { type DecoderOptions, decodeEvents } from "./event-decoder.ts";
import { EVENT_COLUMNS, type EventRow } from "./event-rows.ts";
import type { DomainEvent, LogPosition, RecordedEvent } from "./event-types.ts";
import { LOG_START } from "./event-types.ts";
import { fastTypes } from "./fast-type-parsers.ts";
import type { Queryable } from "./queryable.ts";

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position (default: the start of the log). */
  after?: LogPosition;
  limit?: number;
}

export interface ReadAllResult<E extends DomainEvent = DomainEvent> {
  events: RecordedEvent<E>[];
  /** Where the next read continues: the last event's position, or `after` when empty. */
  position: LogPosition;
}

/**
 * The global log in (transaction id, position) order, limited to transactions older than
 * every transaction still running. Later reads therefore can only return events after
 * these: a transaction that commits late is waited for, never skipped.
 */
export async function readAll<E extends DomainEvent = DomainEvent>(
  db: Queryable,
  decoder: DecoderOptions,
  options: ReadAllOptions = {},
): Promise<ReadAllResult<E>> {
  const after = options.after ?? LOG_START;
  const { rows } = await db.query<EventRow>({
    name: "eventstore_read_all",
    types: fastTypes,
    text: `SELECT ${EVENT_COLUMNS} FROM eventstore_events
           WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
             AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY transaction_id, global_position LIMIT $3`,
    values: [after.transactionId, after.globalPosition, options.limit ?? 1000],
  });
  const events = await decodeEvents<E>(db, rows, decoder);
  const last = events[events.length - 1];
  return {
    events,
    position: last
      ? { transactionId: last.transactionId, globalPosition: last.globalPosition }
      : after,
  };
}

export async function readByCorrelationId<E extends DomainEvent = DomainEvent>(
  db: Queryable,
  decoder: DecoderOptions,
  correlationId: string,
): Promise<RecordedEvent<E>[]> {
  const { rows } = await db.query<EventRow>({
    name: "eventstore_read_correlation",
    types: fastTypes,
    text: `SELECT ${EVENT_COLUMNS} FROM eventstore_events WHERE correlation_id = $1
           ORDER BY transaction_id, global_position`,
    values: [correlationId],
  });
  return decodeEvents<E>(db, rows, decoder);
}

/** Events after `after` that a subscriber has yet to see (committed ones only). */
export async function countEventsAfter(db: Queryable, after: LogPosition): Promise<number> {
  const { rows } = await db.query<{ n: string }>({
    name: "eventstore_count_after",
    text: `SELECT count(*) AS n FROM eventstore_events
           WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
    values: [after.transactionId, after.globalPosition],
  });
  return Number(rows[0]?.n ?? 0);
}

/**
 * Whether committed events exist after `after` that readAll does not return yet because an
 * older transaction (in any database of the cluster) is still running.
 */
export async function hasEventsAfter(db: Queryable, after: LogPosition): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>({
    name: "eventstore_exists_after",
    text: `SELECT EXISTS (SELECT 1 FROM eventstore_events
           WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)) AS found`,
    values: [after.transactionId, after.globalPosition],
  });
  return rows[0]?.found ?? false;
}
