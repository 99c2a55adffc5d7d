import { describe, expect, test } from "vitest";
import type { BookingActor } from "./booking.actor.ts";
import type { BookingCommand } from "./booking.commands.ts";
import {
  accepted,
  asAdmin,
  asGuest,
  asMember,
  asOtherMember,
  asOwner,
  asSystem,
  BOOKING_ID,
  given,
  HOUSE,
  history,
  NOW,
  WORKSHOP,
  withPolicies,
} from "./booking.fixtures.ts";

const STAY_START = new Date("2027-03-10T14:00:00Z");
const STAY_END = new Date("2027-03-13T09:00:00Z");
const SLOT_START = new Date("2027-03-03T09:00:00Z");
const hoursBefore = (date: Date, hours: number) => new Date(date.getTime() - hours * 3_600_000);
const b = { bookingId: BOOKING_ID };

const confirm = (actor: BookingActor = asAdmin): BookingCommand => ({
  type: "ConfirmBooking",
  ...b,
  actor,
});
const reject = (reason: string, actor: BookingActor = asAdmin): BookingCommand => ({
  type: "RejectBooking",
  ...b,
  actor,
  reason,
});
const cancel = (actor: BookingActor, reason?: string | null, venue = HOUSE): BookingCommand => ({
  type: "CancelBooking",
  ...b,
  actor,
  reason,
  context: { venue },
});
const complete = (actor: BookingActor = asSystem): BookingCommand => ({
  type: "CompleteBooking",
  ...b,
  actor,
});
const noShow = (actor: BookingActor = asAdmin): BookingCommand => ({
  type: "MarkNoShow",
  ...b,
  actor,
});
const followedBy = (
  events: ReturnType<typeof history.pendingStay>,
  command: BookingCommand,
  at = NOW,
) => [...events, ...accepted(given(events).when(command, at))];

describe("ConfirmBooking", () => {
  test.each([
    ["u-admin", asAdmin],
    ["u-owner", asOwner],
  ])("%s confirms a pending booking", (userId, actor) => {
    expect(given(history.pendingStay()).when(confirm(actor))).toEqual([
      {
        type: "BookingConfirmed",
        data: { ...b, at: NOW.toISOString(), by: { userId } },
      },
    ]);
  });

  test("the booker may not confirm their own booking; the system does not approve", () => {
    for (const actor of [asMember, asSystem]) {
      expect(given(history.pendingStay()).when(confirm(actor))).toMatchObject({
        code: "FORBIDDEN",
        details: { visible: true },
      });
    }
  });

  test("another member learns nothing, not even that it exists", () => {
    expect(given(history.pendingStay()).when(confirm(asOtherMember))).toMatchObject({
      code: "FORBIDDEN",
      details: { visible: false },
    });
  });

  test.each([
    ["held", history.heldStay],
    ["confirmed", history.confirmedStay],
  ] as const)("only pending: %s is INVALID_STATE", (current, events) => {
    expect(given(events()).when(confirm())).toEqual({
      code: "INVALID_STATE",
      message: "Only a pending booking can be confirmed.",
      details: { current },
    });
  });
});

describe("RejectBooking", () => {
  test("an admin rejects a pending booking with a reason", () => {
    expect(given(history.pendingStay()).when(reject("  House is closed "))).toMatchObject([
      { type: "BookingRejected", data: { reason: "House is closed" } },
    ]);
  });

  test.each(["", "  ", "x".repeat(2001)])("the reason is required and bounded (%#)", (reason) => {
    expect(given(history.pendingStay()).when(reject(reason))).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { reason: [expect.any(String)] },
    });
  });

  test("only pending", () => {
    expect(given(history.confirmedStay()).when(reject("No"))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "confirmed" },
    });
  });
});

describe("CancelBooking", () => {
  test.each([
    ["held", history.heldStay],
    ["pending", history.pendingStay],
    ["confirmed", history.confirmedStay],
  ] as const)(
    "the booker cancels their %s booking in time, with or without a reason",
    (_s, events) => {
      expect(given(events()).when(cancel(asMember, " Plans changed "))).toMatchObject([
        { type: "BookingCancelled", data: { reason: "Plans changed", overrodeNotice: false } },
      ]);
      expect(given(events()).when(cancel(asMember))).toMatchObject([{ data: { reason: null } }]);
    },
  );

  test("exactly at start − notice is still in time; one minute later it is not", () => {
    const deadline = hoursBefore(STAY_START, 48);
    expect(given(history.confirmedStay()).when(cancel(asMember), deadline)).toHaveLength(1);
    expect(
      given(history.confirmedStay()).when(cancel(asMember), new Date(deadline.getTime() + 60_000)),
    ).toEqual({
      code: "RULE_VIOLATION",
      message:
        "Cancellations are possible up to 48 hours before the start; please contact the venue.",
      details: { rule: "CANCELLATION_NOTICE" },
    });
  });

  test("the notice binds confirmed bookings only: a pending request is withdrawn any time", () => {
    expect(
      given(history.pendingStay()).when(cancel(asMember), hoursBefore(STAY_START, 1)),
    ).toHaveLength(1);
  });

  test("an admin cancels inside the notice; the reason and the override are recorded", () => {
    const late = hoursBefore(STAY_START, 2);
    expect(
      given(history.confirmedStay()).when(cancel(asAdmin, "Water damage"), late),
    ).toMatchObject([
      { data: { reason: "Water damage", overrodeNotice: true, by: { userId: "u-admin" } } },
    ]);
  });

  test("the venue's notice counts: the workshop's is 24 hours", () => {
    const slotCancel = cancel(asGuest, null, WORKSHOP);
    expect(
      given(history.confirmedSlot()).when(slotCancel, hoursBefore(SLOT_START, 25)),
    ).toHaveLength(1);
    expect(
      given(history.confirmedSlot()).when(slotCancel, hoursBefore(SLOT_START, 23)),
    ).toMatchObject({
      details: { rule: "CANCELLATION_NOTICE" },
    });
  });

  test("where the venue asks no notice, the booker cancels up to the start", () => {
    const venue = withPolicies(WORKSHOP, { cancellationNoticeHours: 0 });
    const oneMinuteBefore = new Date(SLOT_START.getTime() - 60_000);
    expect(
      given(history.confirmedSlot()).when(cancel(asGuest, null, venue), oneMinuteBefore),
    ).toMatchObject([{ type: "BookingCancelled", data: { overrodeNotice: false } }]);
  });

  test("a guest cancels only the booking their token opens", () => {
    expect(
      given(history.confirmedSlot()).when(cancel(asOtherMember, null, WORKSHOP)),
    ).toMatchObject({
      details: { visible: false },
    });
    expect(given(history.memberSlot()).when(cancel(asGuest, null, WORKSHOP))).toMatchObject({
      details: { visible: false },
    });
  });

  test("reasons are bounded", () => {
    expect(given(history.pendingStay()).when(cancel(asMember, "x".repeat(2001)))).toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  test.each([
    ["cancelled", () => followedBy(history.pendingStay(), cancel(asMember))],
    ["rejected", () => followedBy(history.pendingStay(), reject("No"))],
    ["completed", () => followedBy(history.confirmedStay(), complete(), STAY_END)],
    ["no_show", () => followedBy(history.confirmedStay(), noShow(), STAY_START)],
  ] as const)("a %s booking cannot be cancelled", (current, events) => {
    expect(given(events()).when(cancel(asAdmin), STAY_END)).toMatchObject({
      code: "INVALID_STATE",
      details: { current },
    });
  });
});

describe("CompleteBooking", () => {
  test("the system completes a confirmed booking once it has ended", () => {
    expect(given(history.confirmedStay()).when(complete(), STAY_END)).toEqual([
      {
        type: "BookingCompleted",
        data: { ...b, at: STAY_END.toISOString(), by: { system: true } },
      },
    ]);
    expect(given(history.confirmedStay()).when(complete(asAdmin), STAY_END)).toHaveLength(1);
  });

  test("not before its end", () => {
    expect(
      given(history.confirmedStay()).when(complete(), new Date(STAY_END.getTime() - 1)),
    ).toMatchObject({
      code: "RULE_VIOLATION",
      details: { rule: "NOT_ENDED" },
    });
  });

  test("only confirmed bookings complete", () => {
    expect(given(history.pendingStay()).when(complete(), STAY_END)).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "pending" },
    });
  });

  test("members do not complete bookings", () => {
    expect(given(history.confirmedStay()).when(complete(asMember), STAY_END)).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("MarkNoShow", () => {
  test("an admin marks a confirmed booking from its start on", () => {
    expect(given(history.confirmedStay()).when(noShow(), STAY_START)).toMatchObject([
      { type: "BookingMarkedNoShow", data: { by: { userId: "u-admin" } } },
    ]);
  });

  test("not before the start", () => {
    expect(given(history.confirmedStay()).when(noShow(), hoursBefore(STAY_START, 1))).toMatchObject(
      {
        details: { rule: "NOT_STARTED" },
      },
    );
  });

  test("only staff: neither the booker nor the system", () => {
    for (const actor of [asMember, asSystem]) {
      expect(given(history.confirmedStay()).when(noShow(actor), STAY_START)).toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  test("only confirmed bookings", () => {
    expect(given(history.pendingStay()).when(noShow(), STAY_START)).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "pending" },
    });
  });
});
