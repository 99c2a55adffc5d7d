/**
 * The shape of every aggregate's logic: `decide` turns a command into events (or an
 * expected failure, as a value) given the current state and the time; `evolve` folds one
 * event into the state. Pure: time and ids come in as arguments, nothing is read or written.
 */
export interface Decider<Command, State, Event, Failure> {
  decide(command: Command, state: State, now: Date): Event[] | Failure;
  evolve(state: State, event: Event): State;
  initialState: State;
}

/** The state after a history of events: the fold that loading an aggregate performs. */
export function foldEvents<State, Event>(
  decider: Pick<Decider<never, State, Event, never>, "evolve" | "initialState">,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
