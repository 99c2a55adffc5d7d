import { randomUUID } from "node:crypto";
import { InvalidAppendError } from "./event-store-errors.ts";
import type { EventMetadata, NewEvent } from "./event-types.ts";
import { encryptFields } from "./field-encryption.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The column arrays the append statement unnests, one entry per event. */
export interface EncodedEvents {
  eventIds: string[];
  types: string[];
  schemaVersions: number[];
  data: string[];
  correlationIds: (string | null)[];
  causationIds: (string | null)[];
  actors: (string | null)[];
  subjectIds: (string | null)[];
  personalFields: (string | null)[];
}

export function validateNewEvents(streamId: string, events: readonly NewEvent[]): void {
  if (typeof streamId !== "string" || streamId.length === 0) {
    throw new InvalidAppendError("streamId must be a non-empty string");
  }
  if (events.length === 0) throw new InvalidAppendError("An append needs at least one event");
  const ids = new Set<string>();
  for (const event of events) {
    if (typeof event.type !== "string" || event.type.length === 0) {
      throw new InvalidAppendError("Every event needs a non-empty type");
    }
    if (event.eventId !== undefined) {
      if (!UUID.test(event.eventId)) throw new InvalidAppendError("eventId must be a UUID");
      if (ids.has(event.eventId.toLowerCase())) {
        throw new InvalidAppendError(`eventId ${event.eventId} appears twice in one append`);
      }
      ids.add(event.eventId.toLowerCase());
    }
    const version = event.schemaVersion ?? 1;
    if (!Number.isSafeInteger(version) || version < 1) {
      throw new InvalidAppendError("schemaVersion must be a positive integer");
    }
  }
}

/** Fills defaults (ids, metadata) and encrypts personal fields with the subjects' keys. */
export function encodeNewEvents(
  events: readonly NewEvent[],
  defaults: EventMetadata,
  subjectKeys: ReadonlyMap<string, Buffer>,
): EncodedEvents {
  const encoded: EncodedEvents = {
    eventIds: [],
    types: [],
    schemaVersions: [],
    data: [],
    correlationIds: [],
    causationIds: [],
    actors: [],
    subjectIds: [],
    personalFields: [],
  };
  for (const event of events) {
    const metadata = { ...defaults, ...event.metadata };
    const key = event.personal ? subjectKeys.get(event.personal.subjectId) : undefined;
    const data =
      event.personal && key
        ? encryptFields(event.data, event.personal.fields, key, event.personal.subjectId)
        : event.data;
    encoded.eventIds.push(event.eventId?.toLowerCase() ?? randomUUID());
    encoded.types.push(event.type);
    encoded.schemaVersions.push(event.schemaVersion ?? 1);
    encoded.data.push(JSON.stringify(data ?? null));
    encoded.correlationIds.push(metadata.correlationId ?? null);
    encoded.causationIds.push(metadata.causationId ?? null);
    encoded.actors.push(metadata.actor ? JSON.stringify(metadata.actor) : null);
    encoded.subjectIds.push(event.personal?.subjectId ?? null);
    encoded.personalFields.push(event.personal ? JSON.stringify(event.personal.fields) : null);
  }
  return encoded;
}

export function encodedParameters(encoded: EncodedEvents): unknown[] {
  return [
    encoded.eventIds,
    encoded.types,
    encoded.schemaVersions,
    encoded.data,
    encoded.correlationIds,
    encoded.causationIds,
    encoded.actors,
    encoded.subjectIds,
    encoded.personalFields,
  ];
}
