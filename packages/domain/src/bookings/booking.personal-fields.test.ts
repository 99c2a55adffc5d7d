import { describe, expect, test } from "vitest";
import type { BookingCommand } from "./booking.commands.ts";
import type { BookingEvent } from "./booking.events.ts";
import {
  accepted,
  asAdmin,
  asGuest,
  asSystem,
  BOOKING_ID,
  contextFor,
  createSlot,
  EARLIER,
  given,
  historyOf,
  minutesAfter,
  SERVICE,
  WORKSHOP,
  withPolicies,
} from "./booking.fixtures.ts";
import { BOOKING_PERSONAL_FIELDS } from "./booking.personal-fields.ts";

const SECRET = {
  name: "Wilhelmine Geheim",
  email: "wilhelmine@example.org",
  phone: "+49 89 4711",
  plate: "M-WG 4711",
  notes: "Key under the mat",
  reason: "Wilhelmine moved away",
};
const guest = { name: SECRET.name, email: SECRET.email, phone: SECRET.phone };
const venue = withPolicies(WORKSHOP, { approvalRequired: true });
const context = { ...contextFor(SERVICE), venue };
const b = { bookingId: BOOKING_ID };

// One event of each kind, produced by the decider with recognisable personal values.
function everyKindOfEvent(): BookingEvent[] {
  const hold = createSlot("HoldBooking", {
    bookedBy: { guest },
    answers: { plate: SECRET.plate },
    notes: SECRET.notes,
    context,
  });
  const request = createSlot("RequestBooking", {
    bookedBy: { guest },
    answers: { plate: SECRET.plate },
    notes: SECRET.notes,
    context,
  });
  const start = new Date("2027-03-03T09:00:00Z");
  const end = new Date("2027-03-03T10:00:00Z");
  const confirm: BookingCommand = { type: "ConfirmBooking", ...b, actor: asAdmin };
  const change: BookingCommand = {
    type: "ChangeBooking",
    ...b,
    actor: asGuest,
    move: { start: "2027-03-04T09:00:00Z" },
    notes: `${SECRET.notes}!`,
    answers: { plate: `${SECRET.plate}!` },
    context,
  };
  return [
    ...historyOf([
      [hold, EARLIER],
      [{ type: "ExpireHold", ...b, actor: asSystem }, minutesAfter(EARLIER, 10)],
    ]),
    ...historyOf([
      [hold, EARLIER],
      [{ type: "SubmitHold", ...b, actor: asGuest, context }, EARLIER],
      [{ type: "RejectBooking", ...b, actor: asAdmin, reason: SECRET.reason }, EARLIER],
    ]),
    ...historyOf([
      [request, EARLIER],
      [{ type: "CancelBooking", ...b, actor: asGuest, reason: SECRET.reason, context }, EARLIER],
    ]),
    ...historyOf([
      [request, EARLIER],
      [confirm, EARLIER],
      [change, EARLIER],
    ]),
    ...historyOf([
      [request, EARLIER],
      [confirm, EARLIER],
      [{ type: "CompleteBooking", ...b, actor: asSystem }, end],
    ]),
    ...historyOf([
      [request, EARLIER],
      [confirm, EARLIER],
      [{ type: "MarkNoShow", ...b, actor: asAdmin }, start],
    ]),
  ];
}

function without(data: unknown, path: string): unknown {
  const [head, ...rest] = path.split(".");
  if (head === undefined || typeof data !== "object" || data === null) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(copy[head], rest.join("."));
  return copy;
}

describe("BOOKING_PERSONAL_FIELDS", () => {
  const events = everyKindOfEvent();

  test("covers one produced event of every type", () => {
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(Object.keys(BOOKING_PERSONAL_FIELDS)),
    );
  });

  test("without its personal fields, no event reveals the person", () => {
    for (const event of events) {
      const rest = BOOKING_PERSONAL_FIELDS[event.type].reduce(without, event.data as unknown);
      const json = JSON.stringify(rest);
      for (const value of Object.values(SECRET)) expect(json, event.type).not.toContain(value);
    }
  });

  test("every listed field exists in the data it names", () => {
    for (const event of events) {
      for (const field of BOOKING_PERSONAL_FIELDS[event.type]) {
        expect(event.data, `${event.type}.${field}`).toHaveProperty(field.split("."));
      }
    }
  });

  test("a member's booking keeps the user id readable for 'my bookings'", () => {
    const [event] = accepted(
      given([]).when(createSlot("RequestBooking", { actor: asAdmin, bookedBy: { userId: "u-1" } })),
    );
    expect(BOOKING_PERSONAL_FIELDS.BookingRequested).not.toContain("bookedBy.userId");
    expect(event?.data).toMatchObject({ bookedBy: { userId: "u-1" } });
  });
});
