import { decodeEvents } from "./event-decoder.ts";
import { EVENT_COLUMNS, type EventRow } from "./event-rows.ts";
import { IdempotencyConflictError } from "./event-store-errors.ts";
import type { RecordedEvent } from "./event-types.ts";
import { fastTypes } from "./fast-type-parsers.ts";
import type { AppendDependencies, PreparedAppend } from "./prepared-append.ts";

/**
 * A refused append may be the retry of one that committed (its response was lost). If every
 * event id of every stream is already in that stream, in this order, report that commit; a
 * partial overlap or ids in another stream is an error, never a silent duplicate.
 * Returns the committed events per append, or undefined when none of the ids exists.
 */
export async function findCommittedReplay(
  deps: AppendDependencies,
  appends: readonly PreparedAppend[],
): Promise<RecordedEvent[][] | undefined> {
  const ids = appends.flatMap((append) => append.encoded.eventIds);
  const { rows } = await deps.pool.query<EventRow>({
    name: "eventstore_find_event_ids",
    types: fastTypes,
    text: `SELECT ${EVENT_COLUMNS} FROM eventstore_events WHERE event_id = ANY($1::uuid[])
           ORDER BY global_position`,
    values: [ids],
  });
  if (rows.length === 0) return undefined;
  const byId = new Map(rows.map((row) => [row.event_id, row]));
  const committed: EventRow[][] = [];
  for (const append of appends) {
    const found = append.encoded.eventIds.flatMap((id) => byId.get(id) ?? []);
    if (!isSameAppend(append, found)) {
      const reused = rows.map((row) => row.event_id);
      throw new IdempotencyConflictError(
        append.streamId,
        reused,
        `${reused.length} of ${ids.length} event ids were already appended by a different append`,
      );
    }
    committed.push(found);
  }
  const decoded = await decodeEvents(deps.pool, committed.flat(), deps);
  let next = 0;
  return committed.map((stream) => {
    const start = next;
    next += stream.length;
    return decoded.slice(start, next);
  });
}

function isSameAppend(append: PreparedAppend, found: readonly EventRow[]): boolean {
  const { eventIds, types } = append.encoded;
  const first = Number(found[0]?.stream_version);
  return (
    found.length === eventIds.length &&
    found.every(
      (row, i) =>
        row.stream_id === append.streamId &&
        row.event_type === types[i] &&
        Number(row.stream_version) === first + i,
    )
  );
}
