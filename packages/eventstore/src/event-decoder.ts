import type { EventRow } from "./event-rows.ts";
import { storedEventOf } from "./event-rows.ts";
import type { DomainEvent, RecordedEvent } from "./event-types.ts";
import { decryptFields } from "./field-encryption.ts";
import type { Queryable } from "./queryable.ts";
import { loadSubjectKeys } from "./subject-keys.ts";
import { type UpcasterRegistry, upcast } from "./upcasters.ts";

export interface DecoderOptions {
  masterKey: Buffer | undefined;
  upcasters: UpcasterRegistry;
}

/**
 * Every read path (streams, global log, subscriptions, aggregates, rebuilds) goes through
 * here, so erased fields and upcasting look the same everywhere.
 */
export async function decodeEvents<E extends DomainEvent = DomainEvent>(
  db: Queryable,
  rows: readonly EventRow[],
  options: DecoderOptions,
): Promise<RecordedEvent<E>[]> {
  const subjectIds = new Set<string>();
  for (const row of rows) if (row.subject_id !== null) subjectIds.add(row.subject_id);
  const keys = await loadSubjectKeys(db, options.masterKey, [...subjectIds]);
  return rows.map((row) => {
    const event = storedEventOf(row);
    if (row.subject_id !== null && row.personal_fields !== null) {
      const key = keys.get(row.subject_id);
      event.data = decryptFields(event.data, row.personal_fields, key, row.subject_id);
    }
    if (options.upcasters.size > 0) {
      const current = upcast(options.upcasters, event.type, event.schemaVersion, event.data);
      event.schemaVersion = current.schemaVersion;
      event.data = current.data;
    }
    return event as RecordedEvent<E>;
  });
}
