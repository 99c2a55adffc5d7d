/**
 * Appends of this process that place overlapping reservations go one at a time.
 *
 * PostgreSQL checks an exclusion constraint after inserting the row: two transactions that
 * insert overlapping reservations at the same moment each find the other's uncommitted row,
 * wait for each other and deadlock; the victim learns it only after `deadlock_timeout` and
 * then retries. A crowd asking for the same time does that over and over. Made to wait
 * here, the second append starts only after the first one has finished. If the first one
 * placed its booking, the second is refused at once (the time was taken while it waited);
 * if it failed, the second goes to the database. Appends whose periods do not overlap do
 * not wait for each other, and no database lock is taken (a transaction-level advisory lock
 * did the same across processes but cost booking creates a fifth of their throughput).
 * The database's constraint stays what guarantees no double booking.
 */

export interface Placement {
  resourceIds: readonly string[];
  /** The blocked period, half-open, in ms since the epoch. */
  start: number;
  end: number;
}

/** Either the place in the queue is ours, or the time was taken while we waited. */
export type QueueTurn =
  | { kind: "turn"; leave(placed: boolean): void }
  | { kind: "taken"; resourceIds: string[] };

interface InFlight extends Placement {
  /** Settles when the append is over: true if it placed its booking. */
  placed: Promise<boolean>;
}

/** The placements being appended right now, by resource. */
const inFlight = new Map<string, Set<InFlight>>();

/**
 * Waits until no append of this process is placing a period that overlaps `placement` on
 * one of its resources, then counts it as in flight until `leave` is called. Nobody waits
 * while holding a place, so waiters cannot wait for each other in a circle.
 */
export async function enterPlacementQueue(placement: Placement): Promise<QueueTurn> {
  for (;;) {
    const ahead = overlapping(placement);
    if (ahead.length === 0) break;
    const outcomes = await Promise.all(ahead.map((other) => other.placed));
    const taken = ahead
      .filter((_, i) => outcomes[i])
      .flatMap((other) => other.resourceIds.filter((id) => placement.resourceIds.includes(id)));
    if (taken.length > 0) return { kind: "taken", resourceIds: [...new Set(taken)] };
  }
  let settle: (placed: boolean) => void = () => {};
  const entry: InFlight = {
    ...placement,
    placed: new Promise<boolean>((resolve) => {
      settle = resolve;
    }),
  };
  for (const resourceId of placement.resourceIds) {
    const entries = inFlight.get(resourceId) ?? new Set();
    entries.add(entry);
    inFlight.set(resourceId, entries);
  }
  return {
    kind: "turn",
    leave(placed) {
      for (const resourceId of placement.resourceIds) {
        const entries = inFlight.get(resourceId);
        entries?.delete(entry);
        if (entries?.size === 0) inFlight.delete(resourceId);
      }
      settle(placed);
    },
  };
}

function overlapping(placement: Placement): InFlight[] {
  const found = new Set<InFlight>();
  for (const resourceId of placement.resourceIds) {
    for (const other of inFlight.get(resourceId) ?? []) {
      if (other.start < placement.end && placement.start < other.end) found.add(other);
    }
  }
  return [...found];
}
