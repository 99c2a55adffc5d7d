import type { Actor, RecordedEvent } from "./event-types.ts";

/** The columns every read selects, in the shape pg returns them. */
// xid8 has no pg parser, so it arrives as its decimal text without a cast (a cast aliased
// transaction_id would also make ORDER BY sort text).
export const EVENT_COLUMNS = `global_position, transaction_id, stream_id,
  stream_version, event_id, event_type, schema_version, data, recorded_at, correlation_id,
  causation_id, actor, subject_id, personal_fields`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  recorded_at: Date;
  correlation_id: string | null;
  causation_id: string | null;
  actor: Actor | null;
  subject_id: string | null;
  personal_fields: string[] | null;
}

/** The event exactly as stored: personal fields still encrypted, payload not upcast. */
export function storedEventOf(row: EventRow): RecordedEvent {
  return {
    type: row.event_type,
    data: row.data,
    eventId: row.event_id,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    recordedAt: row.recorded_at,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
  };
}
