import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { foldEvents } from "../decider/decider.ts";
import type { BookingActor } from "./booking.actor.ts";
import type { BookingCommand } from "./booking.commands.ts";
import { bookingDecider, decideBooking } from "./booking.decider.ts";
import type { BookingEvent, BookingEventType } from "./booking.events.ts";
import {
  asAdmin,
  asGuest,
  asMember,
  asOtherMember,
  asSystem,
  BOOKING_ID,
  byMember,
  contextFor,
  GUEST,
  HOUSE,
  SERVICE,
  STAY,
  slotRequest,
  stayRequest,
  WORKSHOP,
  withPolicies,
} from "./booking.fixtures.ts";
import { BOOKING_PERSONAL_FIELDS } from "./booking.personal-fields.ts";
import type { BookingRuleCheck } from "./booking.rule-check.ts";
import { type BookingState, bookingExists, initialBookingState } from "./booking.state.ts";
import { BOOKING_STATUSES, isBlocking, isTerminal } from "./booking.status.ts";
import { EXPECTED_BLOCKING, LEGAL_TRANSITIONS } from "./booking.transitions.test-table.ts";

const T0 = Date.parse("2027-03-01T10:00:00Z");
const MINUTE = 60_000;
const CODES = ["INVALID_STATE", "RULE_VIOLATION", "FORBIDDEN", "VALIDATION_FAILED"];

// A stand-in for availability's rules that refuses some requests, so refusals happen too.
const tooManyGuests: BookingRuleCheck = (request) =>
  request.guests > 3 ? { rule: "CAPACITY", message: "too many" } : null;

interface Step {
  kind: BookingCommand["type"];
  actor: BookingActor;
  stay: boolean;
  approval: boolean;
  dayOffset: number;
  guests: number;
  /** Minutes that pass before this step: from seconds to days, so holds run out and stays end. */
  wait: number;
  /** What a ChangeBooking changes. */
  parts: "move" | "details" | "both";
}

/** Every list of event types one decision may record; a refusal or no-op records none. */
const decisionShapes: BookingEventType[][] = [
  [],
  ["BookingHeld"],
  ["BookingRequested"],
  ["BookingRequested", "BookingConfirmed"],
  ["BookingConfirmed"],
  ["BookingRejected"],
  ["BookingCancelled"],
  ["BookingRescheduled"],
  ["BookingEdited"],
  ["BookingRescheduled", "BookingEdited"],
  ["BookingCompleted"],
  ["BookingMarkedNoShow"],
  ["HoldExpired"],
];

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<BookingCommand["type"]>(
    "HoldBooking",
    "RequestBooking",
    "SubmitHold",
    "ConfirmBooking",
    "RejectBooking",
    "CancelBooking",
    "ChangeBooking",
    "CompleteBooking",
    "MarkNoShow",
    "ExpireHold",
  ),
  actor: fc.constantFrom(asMember, asOtherMember, asAdmin, asSystem, asGuest),
  stay: fc.boolean(),
  approval: fc.boolean(),
  dayOffset: fc.integer({ min: -1, max: 4 }),
  guests: fc.integer({ min: 1, max: 4 }),
  wait: fc.constantFrom(0, 1, 5, 9, 10, 11, 60, 12 * 60, 24 * 60, 3 * 24 * 60, 7 * 24 * 60),
  parts: fc.constantFrom("move", "details", "both"),
});

function buildCommand(step: Step, state: BookingState, now: number): BookingCommand {
  const { actor } = step;
  const stay = bookingExists(state) ? state.mode === "stay" : step.stay;
  const offering = stay ? STAY : SERVICE;
  const venue = withPolicies(stay ? HOUSE : WORKSHOP, { approvalRequired: step.approval });
  const context = { ...contextFor(offering), venue, checkRules: tooManyGuests };
  const day = new Date(now + (step.dayOffset + 1) * 24 * 60 * MINUTE).toISOString().slice(0, 10);
  const nextDay = new Date(Date.parse(day) + 2 * 24 * 60 * MINUTE).toISOString().slice(0, 10);
  const start = `${day}T09:00:00Z`;
  const base = { bookingId: BOOKING_ID, actor };
  switch (step.kind) {
    case "HoldBooking":
    case "RequestBooking": {
      const request = stay
        ? stayRequest({ checkIn: day, checkOut: nextDay, guests: step.guests })
        : slotRequest({ start, guests: step.guests });
      const bookedBy = "guest" in actor ? { guest: GUEST } : byMember;
      const answers: Record<string, string> = stay ? {} : { plate: "B-1" };
      return { ...base, type: step.kind, request, bookedBy, answers, context };
    }
    case "SubmitHold":
      return { ...base, type: step.kind, context: { venue, offering } };
    case "RejectBooking":
      return { ...base, type: step.kind, reason: step.guests > 2 ? "" : "No room" };
    case "CancelBooking":
      return { ...base, type: step.kind, context: { venue } };
    case "ChangeBooking": {
      const move = stay
        ? { checkOut: nextDay, guests: step.guests }
        : { start, guests: step.guests };
      return {
        ...base,
        type: step.kind,
        ...(step.parts === "details" ? {} : { move }),
        ...(step.parts === "move" ? {} : { notes: `note ${step.guests}` }),
        context,
      };
    }
    default:
      return { ...base, type: step.kind };
  }
}

describe("booking decider, random command sequences from random actors at random times", () => {
  test("legal transitions only, state is the fold, terminal is final, expired holds stay unsubmitted", () => {
    const seen = new Set<BookingEventType>();
    const seenShapes = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), (steps) => {
        let state: BookingState = initialBookingState;
        let now = T0;
        const events: BookingEvent[] = [];
        for (const step of steps) {
          now += step.wait * MINUTE;
          const result = decideBooking(buildCommand(step, state, now), state, new Date(now));
          if (!Array.isArray(result)) {
            expect(CODES).toContain(result.code);
            continue;
          }
          if (result.length > 0)
            expect(isTerminal(state.status), "no event after the end").toBe(false);
          const shape = result.map((event) => event.type);
          expect(decisionShapes, "the events one decision may record").toContainEqual(shape);
          seenShapes.add(shape.join());
          for (const [i, event] of result.entries()) {
            if (event.type === "BookingRequested") expect(event.data.status).toBe("pending");
            if (event.type === "BookingConfirmed" && "system" in event.data.by) {
              expect(step.approval, "the system confirms only without approval").toBe(false);
              expect(result[i - 1]?.type, "and only the request it follows").toBe(
                "BookingRequested",
              );
            }
            const allowed = LEGAL_TRANSITIONS[state.status][event.type];
            expect(allowed, `${event.type} from ${state.status}`).toBeDefined();
            if (state.status === "held" && event.type === "BookingRequested") {
              expect(now, "an expired hold is never submitted").toBeLessThan(
                Date.parse(bookingExists(state) ? (state.holdExpiresAt ?? "") : ""),
              );
            }
            if (event.type === "BookingCompleted" && bookingExists(state)) {
              expect(now).toBeGreaterThanOrEqual(Date.parse(state.end));
            }
            state = bookingDecider.evolve(state, event);
            expect(allowed).toContain(state.status);
            if ("status" in event.data) expect(state.status).toBe(event.data.status);
            events.push(event);
            seen.add(event.type);
          }
          expect(isBlocking(state.status)).toBe(EXPECTED_BLOCKING.includes(state.status));
        }
        expect(foldEvents(bookingDecider, events)).toEqual(state);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 1500 },
    );
    // Guards against a generator that never reaches the interesting states.
    expect([...seen].sort()).toEqual(Object.keys(BOOKING_PERSONAL_FIELDS).sort());
    // Every shape that records something is reached; a no-op (no events) is rare at random
    // and has its own example-based tests.
    const recording = decisionShapes.filter((shape) => shape.length > 0);
    expect([...seenShapes].filter(Boolean).sort()).toEqual(
      recording.map((shape) => shape.join()).sort(),
    );
  });

  test("blocking ⇔ held, pending or confirmed, for every status", () => {
    for (const status of BOOKING_STATUSES) {
      expect(isBlocking(status), status).toBe(EXPECTED_BLOCKING.includes(status));
    }
    expect(isBlocking("not_existing")).toBe(false);
  });
});
