import { type DecoderOptions, decodeStoredEvents, type PersonalMarker } from "./event-decoder.ts";
import type { Actor, DomainEvent, RecordedEvent } from "./event-types.ts";
import { fastTypes } from "./fast-type-parsers.ts";
import type { Queryable } from "./queryable.ts";

export interface ReadStreamOptions {
  /** First stream version to return (default 1). */
  fromVersion?: number;
  limit?: number;
}

/**
 * A stream comes back as ONE row of column-wise aggregates, not a row per event: pg pays
 * a string conversion and a type parser per field, and 14 fields × 100 rows dominated
 * reads. Payloads arrive as one JSON array body; the fixed-format fields (positions,
 * transaction id, version, event id, schema version, recorded time as epoch seconds) as
 * one space-separated list; free text and sparse metadata as JSON arrays, so nothing needs
 * escaping by hand. The stream id is not sent back: the caller knows it. Every aggregate
 * shares one ORDER BY, so PostgreSQL reads the events once, in index order.
 */
const READ_STREAM = {
  name: "eventstore_read_stream_columns",
  text: `SELECT
      string_agg(data::text, ',' ORDER BY stream_version) AS data,
      string_agg(global_position::text || ' ' || transaction_id::text || ' ' ||
        stream_version::text || ' ' || event_id::text || ' ' || schema_version::text || ' ' ||
        date_part('epoch', recorded_at)::text, ' ' ORDER BY stream_version) AS fixed,
      json_agg(event_type ORDER BY stream_version) AS types,
      json_agg(correlation_id ORDER BY stream_version) AS correlation_ids,
      json_agg(causation_id ORDER BY stream_version) AS causation_ids,
      json_agg(actor ORDER BY stream_version) AS actors,
      json_agg(subject_id ORDER BY stream_version) AS subject_ids,
      json_agg(personal_fields ORDER BY stream_version) AS personal_fields
    FROM (SELECT * FROM eventstore_events WHERE stream_id = $1 AND stream_version >= $2
          ORDER BY stream_version LIMIT $3) AS e`,
};

interface StreamColumns {
  data: string | null;
  fixed: string;
  types: string[];
  correlation_ids: (string | null)[];
  causation_ids: (string | null)[];
  actors: (Actor | null)[];
  subject_ids: (string | null)[];
  personal_fields: (string[] | null)[];
}

const FIXED_FIELDS = 6;

export async function readStream<E extends DomainEvent = DomainEvent>(
  db: Queryable,
  decoder: DecoderOptions,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent<E>[]> {
  const { rows } = await db.query<StreamColumns>({
    ...READ_STREAM,
    types: fastTypes,
    values: [streamId, options.fromVersion ?? 1, options.limit ?? null],
  });
  const columns = rows[0];
  // Aggregates over no rows are null.
  if (!columns || columns.data === null) return [];
  const data: unknown[] = JSON.parse(`[${columns.data}]`);
  const fixed = columns.fixed.split(" ");
  const events: RecordedEvent[] = new Array(data.length);
  const personal = new Map<number, PersonalMarker>();
  for (let i = 0; i < data.length; i++) {
    const f = i * FIXED_FIELDS;
    events[i] = {
      type: columns.types[i] as string,
      data: data[i],
      eventId: fixed[f + 3] as string,
      schemaVersion: Number(fixed[f + 4]),
      streamId,
      streamVersion: Number(fixed[f + 2]),
      globalPosition: Number(fixed[f]),
      transactionId: fixed[f + 1] as string,
      recordedAt: new Date(epochMilliseconds(fixed[f + 5] as string)),
      correlationId: columns.correlation_ids[i] ?? null,
      causationId: columns.causation_ids[i] ?? null,
      actor: columns.actors[i] ?? null,
    };
    const subjectId = columns.subject_ids[i];
    const fields = columns.personal_fields[i];
    if (subjectId && fields) personal.set(i, { subjectId, fields });
  }
  return decodeStoredEvents<E>(db, { events, personal }, decoder);
}

/**
 * Timestamps are whole microseconds; as float8 seconds they are off by far less than half
 * a microsecond, so rounding recovers them exactly. A Date keeps milliseconds: cut like
 * the text parser on the other read paths does (towards the past).
 */
function epochMilliseconds(seconds: string): number {
  return Math.floor(Math.round(Number(seconds) * 1e6) / 1000);
}
