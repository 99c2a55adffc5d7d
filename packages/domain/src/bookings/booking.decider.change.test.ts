import { describe, expect, test } from "vitest";
import type { BookingActor } from "./booking.actor.ts";
import type { BookingCommand, BookingMove, ChangeBooking } from "./booking.commands.ts";
import {
  accepted,
  asAdmin,
  asGuest,
  asMember,
  asOtherMember,
  BOOKING_ID,
  contextFor,
  given,
  HOUSE,
  history,
  NOW,
  refuseWith,
  SERVICE,
  STAY,
  stateOf,
  withPolicies,
} from "./booking.fixtures.ts";

const STAY_START = new Date("2027-03-10T14:00:00Z");
const change = (overrides: Partial<ChangeBooking> = {}): ChangeBooking => ({
  type: "ChangeBooking",
  bookingId: BOOKING_ID,
  actor: asMember,
  context: contextFor(STAY),
  ...overrides,
});
const move = (moved: BookingMove, overrides: Partial<ChangeBooking> = {}): ChangeBooking =>
  change({ move: moved, ...overrides });

describe("ChangeBooking: a move", () => {
  test("extending a confirmed stay in a venue that wants approval sends it back to pending", () => {
    expect(given(history.confirmedStay()).when(move({ checkOut: "2027-03-14" }))).toEqual([
      {
        type: "BookingRescheduled",
        data: {
          bookingId: BOOKING_ID,
          at: NOW.toISOString(),
          by: { userId: "u-member" },
          resourceIds: ["r1"],
          guests: 2,
          start: "2027-03-10T14:00:00.000Z",
          end: "2027-03-14T09:00:00.000Z",
          blockedStart: "2027-03-10T14:00:00.000Z",
          blockedEnd: "2027-03-14T09:00:00.000Z",
          checkIn: "2027-03-10",
          checkOut: "2027-03-14",
          price: { amount: 20000, currency: "EUR" },
          status: "pending",
        },
      },
    ]);
  });

  test.each([
    ["an earlier arrival", { checkIn: "2027-03-09" }],
    ["another room", { resourceIds: ["r2"] }],
    ["an added room", { resourceIds: ["r1", "r2"] }],
    ["a move to other dates", { checkIn: "2027-03-20", checkOut: "2027-03-22" }],
  ])("%s also needs approving again", (_case, moved) => {
    expect(given(history.confirmedStay()).when(move(moved))).toMatchObject([
      { data: { status: "pending" } },
    ]);
  });

  test.each([
    ["a shorter stay", { checkIn: "2027-03-11" }],
    ["fewer guests", { guests: 1 }],
  ])("%s stays confirmed", (_case, moved) => {
    expect(given(history.confirmedStay()).when(move(moved))).toMatchObject([
      { data: { status: "confirmed" } },
    ]);
  });

  test("without approval at the venue, an extension stays confirmed", () => {
    const context = contextFor(STAY, { venue: withPolicies(HOUSE, { approvalRequired: false }) });
    expect(
      given(history.confirmedStay()).when(move({ checkOut: "2027-03-14" }, { context })),
    ).toMatchObject([{ data: { status: "confirmed" } }]);
  });

  test("a pending booking stays pending", () => {
    expect(given(history.pendingStay()).when(move({ checkIn: "2027-03-11" }))).toMatchObject([
      { data: { status: "pending" } },
    ]);
  });

  test("a slot moves by its start; buffers move with it", () => {
    const command = move(
      { start: "2027-03-04T13:00:00+01:00" },
      { actor: asGuest, context: contextFor(SERVICE) },
    );
    expect(given(history.confirmedSlot()).when(command)).toMatchObject([
      {
        data: {
          start: "2027-03-04T12:00:00.000Z",
          end: "2027-03-04T13:00:00.000Z",
          blockedStart: "2027-03-04T11:45:00.000Z",
          blockedEnd: "2027-03-04T13:15:00.000Z",
          status: "confirmed",
        },
      },
    ]);
  });

  test("moving to where it already is records nothing", () => {
    expect(
      given(history.confirmedStay()).when(move({ checkIn: "2027-03-10", resourceIds: ["r1"] })),
    ).toEqual([]);
  });

  test("the moved booking is checked like a new one", () => {
    const context = contextFor(STAY, { checkRules: refuseWith("CAPACITY") });
    expect(given(history.confirmedStay()).when(move({ guests: 9 }, { context }))).toMatchObject({
      details: { rule: "CAPACITY" },
    });
    expect(given(history.confirmedStay()).when(move({ checkIn: "2027-02-27" }))).toMatchObject({
      details: { rule: "IN_PAST" },
    });
    expect(given(history.confirmedStay()).when(move({ checkOut: "2027-03-09" }))).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { checkOut: ["must be after checkIn"] },
    });
  });

  test("the mode's fields only", () => {
    expect(
      given(history.confirmedStay()).when(move({ start: "2027-03-11T14:00:00Z" })),
    ).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { start: expect.any(Array) },
    });
  });

  test("a booking that has begun is not moved", () => {
    expect(
      given(history.confirmedStay()).when(
        move({ checkOut: "2027-03-14" }, { actor: asAdmin }),
        STAY_START,
      ),
    ).toEqual({
      code: "RULE_VIOLATION",
      message: "A booking that has begun cannot be moved.",
      details: { rule: "IN_PAST" },
    });
  });

  test("inside the cancellation notice only staff move a confirmed booking", () => {
    const late = new Date(STAY_START.getTime() - 47 * 3_600_000);
    const moved = { checkIn: "2027-03-11" };
    expect(given(history.confirmedStay()).when(move(moved), late)).toMatchObject({
      details: { rule: "CANCELLATION_NOTICE" },
    });
    expect(given(history.confirmedStay()).when(move(moved, { actor: asAdmin }), late)).toHaveLength(
      1,
    );
  });

  test("holds are not moved; another member's booking is not found", () => {
    expect(given(history.heldStay()).when(move({ guests: 1 }))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "held" },
    });
    expect(
      given(history.confirmedStay()).when(move({ guests: 1 }, { actor: asOtherMember })),
    ).toMatchObject({
      details: { visible: false },
    });
  });
});

describe("ChangeBooking: notes and answers", () => {
  const edit = (
    fields: { notes?: string | null; answers?: Record<string, string | number> },
    actor: BookingActor = asMember,
  ): BookingCommand => change({ actor, ...fields });
  const editSlot = (answers: Record<string, string | number>): BookingCommand =>
    change({ actor: asGuest, answers, context: contextFor(SERVICE) });

  test("notes change, and only what changed is recorded", () => {
    expect(given(history.confirmedStay()).when(edit({ notes: " Two dogs " }))).toEqual([
      {
        type: "BookingEdited",
        data: {
          bookingId: BOOKING_ID,
          at: NOW.toISOString(),
          by: { userId: "u-member" },
          notes: "Two dogs",
        },
      },
    ]);
  });

  test("null clears the notes; an edit that changes nothing records nothing", () => {
    const withNotes = [
      ...history.confirmedStay(),
      ...accepted(given(history.confirmedStay()).when(edit({ notes: "x" }))),
    ];
    expect(given(withNotes).when(edit({ notes: null }))).toMatchObject([{ data: { notes: null } }]);
    expect(given(withNotes).when(edit({ notes: "x" }))).toEqual([]);
  });

  test("answers replace the old ones and stay complete once requested", () => {
    expect(given(history.confirmedSlot()).when(editSlot({ plate: "K-L 1" }))).toMatchObject([
      { data: { answers: { plate: "K-L 1" } } },
    ]);
    expect(given(history.confirmedSlot()).when(editSlot({ mileage: 3 }))).toMatchObject({
      details: { "answers.plate": ["is required"] },
    });
  });

  test.each([
    [{ plate: "X", mileage: "many" }, "answers.mileage", "must be a number"],
    [{ plate: 7 }, "answers.plate", "must be text"],
    [{ plate: "X", fuel: "steam" }, "answers.fuel", "must be one of the options"],
    [{ plate: "X", colour: "red" }, "answers.colour", "is not a question of this offering"],
    [{ plate: "x".repeat(2001) }, "answers.plate", "must be at most 2000 characters"],
  ])("answers are checked like on create: %j is refused", (answers, field, message) => {
    expect(given(history.confirmedSlot()).when(editSlot(answers))).toEqual({
      code: "VALIDATION_FAILED",
      message: "The booking data is not valid.",
      details: { [field]: [message] },
    });
  });

  test("a hold's answers may still be incomplete; its notes change too", () => {
    const command = change({
      actor: asGuest,
      answers: { mileage: 3 },
      notes: "Late",
      context: contextFor(SERVICE),
    });
    expect(given(history.heldSlot()).when(command)).toMatchObject([
      { type: "BookingEdited", data: { answers: { mileage: 3 }, notes: "Late" } },
    ]);
  });

  test("a finished booking is not changed", () => {
    const cancelled: BookingCommand = {
      type: "CancelBooking",
      bookingId: BOOKING_ID,
      actor: asMember,
      context: { venue: HOUSE },
    };
    const events = [
      ...history.pendingStay(),
      ...accepted(given(history.pendingStay()).when(cancelled)),
    ];
    expect(given(events).when(edit({ notes: "late" }))).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "cancelled" },
    });
  });
});

describe("ChangeBooking: a move and details together, all or nothing", () => {
  test("both are recorded in one decision: the move first, then the details", () => {
    const result = given(history.confirmedStay()).when(
      change({ move: { checkIn: "2027-03-11" }, notes: "Two dogs" }),
    );
    expect(result).toMatchObject([
      { type: "BookingRescheduled", data: { checkIn: "2027-03-11", status: "confirmed" } },
      { type: "BookingEdited", data: { notes: "Two dogs" } },
    ]);
    expect(stateOf([...history.confirmedStay(), ...accepted(result)])).toMatchObject({
      status: "confirmed",
      checkIn: "2027-03-11",
      notes: "Two dogs",
      updatedAt: NOW.toISOString(),
    });
  });

  test("every data problem of both parts is reported at once", () => {
    const result = given(history.confirmedStay()).when(
      change({ move: { checkOut: "2027-03-09" }, notes: "x".repeat(2001) }),
    );
    expect(result).toEqual({
      code: "VALIDATION_FAILED",
      message: "The booking data is not valid.",
      details: {
        checkOut: ["must be after checkIn"],
        notes: ["must be at most 2000 characters"],
      },
    });
  });

  test("a refused move takes the details down with it", () => {
    const late = new Date(STAY_START.getTime() - 47 * 3_600_000);
    const both = change({ move: { checkIn: "2027-03-11" }, notes: "Two dogs" });
    expect(given(history.confirmedStay()).when(both, late)).toMatchObject({
      details: { rule: "CANCELLATION_NOTICE" },
    });
    const context = contextFor(STAY, { checkRules: refuseWith("CAPACITY") });
    expect(
      given(history.confirmedStay()).when(change({ move: { guests: 9 }, notes: "x", context })),
    ).toMatchObject({ details: { rule: "CAPACITY" } });
  });

  test("a hold takes new details but no move, so both are refused together", () => {
    expect(
      given(history.heldStay()).when(change({ move: { guests: 1 }, notes: "Two dogs" })),
    ).toMatchObject({ code: "INVALID_STATE", details: { current: "held" } });
    expect(given(history.heldStay()).when(change({ notes: "Two dogs" }))).toHaveLength(1);
  });

  test("a move without fields moves nothing and is not checked as a move", () => {
    expect(
      given(history.heldStay()).when(change({ move: { guests: undefined }, notes: "Two dogs" })),
    ).toMatchObject([{ type: "BookingEdited" }]);
  });

  test("a move to where it is and the same details record nothing", () => {
    expect(
      given(history.confirmedStay()).when(change({ move: { guests: 2 }, notes: null })),
    ).toEqual([]);
  });

  test("the context must be the booking's venue and offering", () => {
    expect(
      given(history.confirmedStay()).when(change({ notes: "x", context: contextFor(SERVICE) })),
    ).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { context: ["does not match the booking's venue and offering"] },
    });
  });
});
