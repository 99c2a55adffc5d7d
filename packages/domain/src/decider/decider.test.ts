import { describe, expect, test } from "vitest";
import { type Decider, foldEvents } from "./decider.ts";

// A counter that may not go above a limit: the smallest decider with a rule.
type Command = { type: "Increment"; by: number };
type Event = { type: "Incremented"; by: number; at: string };
type State = { value: number };
type Failure = { code: "RULE_VIOLATION"; rule: "LIMIT" };

const counter: Decider<Command, State, Event, Failure> = {
  initialState: { value: 0 },
  decide: (command, state, now) =>
    state.value + command.by > 10
      ? { code: "RULE_VIOLATION", rule: "LIMIT" }
      : [{ type: "Incremented", by: command.by, at: now.toISOString() }],
  evolve: (state, event) => ({ value: state.value + event.by }),
};

describe("foldEvents", () => {
  test("an empty history is the initial state", () => {
    expect(foldEvents(counter, [])).toEqual({ value: 0 });
  });

  test("given events, the state is their fold; decisions see that state", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    const history: Event[] = [
      { type: "Incremented", by: 4, at: now.toISOString() },
      { type: "Incremented", by: 5, at: now.toISOString() },
    ];
    const state = foldEvents(counter, history);
    expect(state).toEqual({ value: 9 });
    expect(counter.decide({ type: "Increment", by: 1 }, state, now)).toEqual([
      { type: "Incremented", by: 1, at: "2027-01-01T00:00:00.000Z" },
    ]);
    expect(counter.decide({ type: "Increment", by: 2 }, state, now)).toEqual({
      code: "RULE_VIOLATION",
      rule: "LIMIT",
    });
  });
});
