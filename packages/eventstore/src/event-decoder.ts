import { type EventRow, storedEventOf } from "./event-rows.ts";
import type { DomainEvent, RecordedEvent } from "./event-types.ts";
import { decryptFields } from "./field-encryption.ts";
import type { Queryable } from "./queryable.ts";
import { loadSubjectKeys } from "./subject-keys.ts";
import { type UpcasterRegistry, upcast } from "./upcasters.ts";

export interface DecoderOptions {
  masterKey: Buffer | undefined;
  upcasters: UpcasterRegistry;
}

/** Which fields of which stored event are encrypted, and for whom. */
export interface PersonalMarker {
  subjectId: string;
  fields: string[];
}

/**
 * Events as stored (personal fields encrypted, payloads not upcast). `personal` holds only
 * the events that carry personal data, by index, so events without any cost nothing extra.
 */
export interface StoredEvents {
  events: RecordedEvent[];
  personal: Map<number, PersonalMarker>;
}

/**
 * Every read path (streams, global log, subscriptions, aggregates, rebuilds) goes through
 * here, so erased fields and upcasting look the same everywhere. Decodes in place.
 */
export async function decodeStoredEvents<E extends DomainEvent = DomainEvent>(
  db: Queryable,
  stored: StoredEvents,
  options: DecoderOptions,
): Promise<RecordedEvent<E>[]> {
  const { events, personal } = stored;
  if (personal.size > 0) {
    const subjectIds = [...new Set([...personal.values()].map((p) => p.subjectId))];
    const keys = await loadSubjectKeys(db, options.masterKey, subjectIds);
    for (const [index, { subjectId, fields }] of personal) {
      const event = events[index] as RecordedEvent;
      event.data = decryptFields(event.data, fields, keys.get(subjectId), subjectId);
    }
  }
  if (options.upcasters.size > 0) {
    for (const event of events) {
      const current = upcast(options.upcasters, event.type, event.schemaVersion, event.data);
      event.schemaVersion = current.schemaVersion;
      event.data = current.data;
    }
  }
  return events as RecordedEvent<E>[];
}

/** Decodes full event rows (the global log, correlation reads, replays). */
export function decodeEvents<E extends DomainEvent = DomainEvent>(
  db: Queryable,
  rows: readonly EventRow[],
  options: DecoderOptions,
): Promise<RecordedEvent<E>[]> {
  const personal = new Map<number, PersonalMarker>();
  rows.forEach((row, index) => {
    if (row.subject_id !== null && row.personal_fields !== null) {
      personal.set(index, { subjectId: row.subject_id, fields: row.personal_fields });
    }
  });
  return decodeStoredEvents<E>(db, { events: rows.map(storedEventOf), personal }, options);
}
