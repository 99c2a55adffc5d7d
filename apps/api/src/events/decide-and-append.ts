import {
  ConcurrencyConflictError,
  type EventStore,
  type NewEvent,
  NO_STREAM,
  type PlannedWrite,
} from "@booking/eventstore";

const attempts = 3;

export interface DecisionRound<State, Event> {
  /** The aggregate's state and stream version right now (read, or known without reading). */
  load(attempt: number): Promise<{ state: State; version: number }>;
  /** Events, or throws the failure already mapped to the contract. */
  decide(state: State): Event[];
  evolve(state: State, event: Event): State;
  /** The stored form of an event (names, personal-data marks), knowing the resulting state. */
  toStored(event: Event, next: State): NewEvent;
  /**
   * Writes that must commit with the events, knowing the state and version they lead to
   * (an idempotency record holding the response, say); run in the same statement.
   */
  alsoWrite?(next: State, version: number): PlannedWrite[];
  /**
   * Waits for this process's other appends that this one could collide with in the
   * database, and returns what lets them go on (see bookings/placement-queue.ts).
   */
  queue?(state: State, next: State): Promise<((appended: boolean) => void) | undefined>;
}

/**
 * Load, decide, append: the one way an aggregate changes. A concurrent change of the same
 * stream makes the append conflict; the decision is pure, so it is simply made again on
 * the new state (a few times at most), then the conflict reaches the caller.
 */
export async function decideAndAppend<State, Event>(
  store: EventStore,
  streamId: string,
  round: DecisionRound<State, Event>,
  metadata: { correlationId: string; actor: Record<string, unknown> },
): Promise<{ state: State; version: number; events: Event[] }> {
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await round.load(attempt);
    const events = round.decide(state);
    if (events.length === 0) return { state, version, events };
    const next = events.reduce(round.evolve, state);
    const alsoWrite = round.alsoWrite?.(next, version + events.length) ?? [];
    const leaveQueue = await round.queue?.(state, next);
    let appended = false;
    try {
      await store.append(
        streamId,
        events.map((event) => round.toStored(event, next)),
        {
          expectedVersion: version === 0 ? NO_STREAM : version,
          metadata,
          ...(alsoWrite.length > 0 ? { alsoWrite } : {}),
        },
      );
      appended = true;
      return { state: next, version: version + events.length, events };
    } catch (error) {
      if (error instanceof ConcurrencyConflictError && attempt < attempts) continue;
      throw error;
    } finally {
      leaveQueue?.(appended);
    }
  }
}
