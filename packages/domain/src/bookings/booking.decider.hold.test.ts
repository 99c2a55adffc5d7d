import { describe, expect, test } from "vitest";
import type { BookingActor } from "./booking.actor.ts";
import type { BookingCommand, SubmitHold } from "./booking.commands.ts";
import {
  accepted,
  asAdmin,
  asGuest,
  asMember,
  asOtherMember,
  asSystem,
  BOOKING_ID,
  createSlot,
  EARLIER,
  GUEST,
  given,
  HOUSE,
  history,
  historyOf,
  minutesAfter,
  SERVICE,
  STAY,
  stateOf,
  WORKSHOP,
} from "./booking.fixtures.ts";

const IN_TIME = minutesAfter(EARLIER, 9);
const EXPIRY = minutesAfter(EARLIER, 10);

const submitStay = (overrides: Partial<SubmitHold> = {}): SubmitHold => ({
  type: "SubmitHold",
  bookingId: BOOKING_ID,
  actor: asMember,
  context: { venue: HOUSE, offering: STAY },
  ...overrides,
});
const submitSlot = (overrides: Partial<SubmitHold> = {}): SubmitHold =>
  submitStay({ actor: asGuest, context: { venue: WORKSHOP, offering: SERVICE }, ...overrides });
const expire = (actor: BookingActor = asSystem): BookingCommand => ({
  type: "ExpireHold",
  bookingId: BOOKING_ID,
  actor,
});

describe("SubmitHold", () => {
  test("a running hold becomes the booking, with the same id and details", () => {
    const held = stateOf(history.heldStay());
    const [event] = accepted(given(history.heldStay()).when(submitStay(), IN_TIME));
    expect(event).toMatchObject({
      type: "BookingRequested",
      data: {
        bookingId: BOOKING_ID,
        status: "pending",
        submittedHold: true,
        at: IN_TIME.toISOString(),
        start: "start" in held ? held.start : "",
        price: { amount: 15000, currency: "EUR" },
      },
    });
  });

  test("without approval the system confirms it; the guest completes form and contact", () => {
    const contact = { ...GUEST, phone: "+49 170 2" };
    const result = given(history.heldSlot()).when(
      submitSlot({ answers: { plate: "M-XY 9", mileage: 12000 }, guest: contact, notes: "Brakes" }),
      IN_TIME,
    );
    expect(result).toMatchObject([
      {
        type: "BookingRequested",
        data: {
          status: "pending",
          submittedHold: true,
          bookedBy: { guest: contact },
          notes: "Brakes",
          answers: { plate: "M-XY 9", mileage: 12000 },
          by: { guest: true },
        },
      },
      {
        type: "BookingConfirmed",
        data: { bookingId: BOOKING_ID, at: IN_TIME.toISOString(), by: { system: true } },
      },
    ]);
    expect(stateOf([...history.heldSlot(), ...accepted(result)])).toMatchObject({
      status: "confirmed",
      holdExpiresAt: null,
    });
  });

  test("the answers must be complete by now", () => {
    const events = historyOf([[createSlot("HoldBooking", { answers: {} }), EARLIER]]);
    expect(given(events).when(submitSlot(), IN_TIME)).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { "answers.plate": ["is required"] },
    });
  });

  test("only a guest booking takes a guest contact", () => {
    expect(given(history.heldStay()).when(submitStay({ guest: GUEST }), IN_TIME)).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { guest: ["only a guest booking has a guest contact"] },
    });
  });

  test.each([
    ["exactly at expiry", EXPIRY],
    ["after expiry, before the worker recorded it", minutesAfter(EXPIRY, 3)],
  ])("an expired hold is never submitted: %s", (_case, at) => {
    expect(given(history.heldStay()).when(submitStay(), at)).toEqual({
      code: "RULE_VIOLATION",
      message: "The hold has expired; the slot may be taken again.",
      details: { rule: "HOLD_EXPIRED" },
    });
  });

  test("after HoldExpired was recorded: still HOLD_EXPIRED, not INVALID_STATE", () => {
    const expired = [
      ...history.heldStay(),
      ...accepted(given(history.heldStay()).when(expire(), EXPIRY)),
    ];
    expect(given(expired).when(submitStay(), IN_TIME)).toMatchObject({
      details: { rule: "HOLD_EXPIRED" },
    });
  });

  test("a hold already submitted is INVALID_STATE", () => {
    expect(given(history.pendingStay()).when(submitStay(), IN_TIME)).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "pending" },
    });
  });

  test("another member's hold is not found; another guest's token neither", () => {
    expect(
      given(history.heldStay()).when(submitStay({ actor: asOtherMember }), IN_TIME),
    ).toMatchObject({
      code: "FORBIDDEN",
      details: { visible: false },
    });
    const otherToken = { guest: true as const, bookingId: "b-2" };
    expect(
      given(history.heldSlot()).when(submitSlot({ actor: otherToken }), IN_TIME),
    ).toMatchObject({
      code: "FORBIDDEN",
      details: { visible: false },
    });
  });

  test("a command for another booking than the loaded one is refused", () => {
    expect(given(history.heldStay()).when(submitStay({ bookingId: "b-2" }), IN_TIME)).toMatchObject(
      {
        code: "VALIDATION_FAILED",
        details: { bookingId: ["does not match the loaded booking"] },
      },
    );
  });

  test("a booking that does not exist is not found", () => {
    expect(given([]).when(submitStay({ actor: asAdmin }), IN_TIME)).toMatchObject({
      code: "FORBIDDEN",
      details: { visible: false },
    });
  });
});

describe("ExpireHold", () => {
  test("the system expires a hold at its expiry", () => {
    expect(given(history.heldStay()).when(expire(), EXPIRY)).toEqual([
      {
        type: "HoldExpired",
        data: { bookingId: BOOKING_ID, at: EXPIRY.toISOString(), by: { system: true } },
      },
    ]);
  });

  test("not before: HOLD_ACTIVE", () => {
    expect(given(history.heldStay()).when(expire(), IN_TIME)).toMatchObject({
      code: "RULE_VIOLATION",
      details: { rule: "HOLD_ACTIVE" },
    });
  });

  test("only the system expires holds", () => {
    for (const actor of [asAdmin, asMember]) {
      expect(given(history.heldStay()).when(expire(actor), EXPIRY)).toMatchObject({
        code: "FORBIDDEN",
        details: { visible: true },
      });
    }
  });

  test("a submitted hold does not expire (the worker lost the race)", () => {
    expect(given(history.pendingStay()).when(expire(), EXPIRY)).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "pending" },
    });
  });
});
