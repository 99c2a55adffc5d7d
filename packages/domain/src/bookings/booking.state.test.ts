import { describe, expect, test } from "vitest";
import type { BookingCommand } from "./booking.commands.ts";
import type { BookingEvent } from "./booking.events.ts";
import {
  accepted,
  asGuest,
  BOOKING_ID,
  contextFor,
  EARLIER,
  GUEST,
  given,
  history,
  NOW,
  SERVICE,
  stateOf,
  WORKSHOP,
} from "./booking.fixtures.ts";
import { evolveBooking, initialBookingState } from "./booking.state.ts";

describe("evolveBooking", () => {
  test("the state is the fold of the events: details, status, times", () => {
    expect(stateOf(history.confirmedSlot())).toEqual({
      status: "confirmed",
      bookingId: BOOKING_ID,
      venueId: WORKSHOP.id,
      offeringId: SERVICE.id,
      mode: "slot",
      resourceIds: ["b1"],
      guests: 1,
      start: "2027-03-03T09:00:00.000Z",
      end: "2027-03-03T10:00:00.000Z",
      blockedStart: "2027-03-03T08:45:00.000Z",
      blockedEnd: "2027-03-03T10:15:00.000Z",
      checkIn: null,
      checkOut: null,
      price: { amount: 8900, currency: "EUR" },
      bookedBy: { guest: GUEST },
      notes: null,
      answers: { plate: "B-AB 123" },
      holdExpiresAt: null,
      reason: null,
      createdAt: EARLIER.toISOString(),
      updatedAt: EARLIER.toISOString(),
    });
  });

  test("edits, cancellation reasons and the update time are kept", () => {
    const edit: BookingCommand = {
      type: "ChangeBooking",
      bookingId: BOOKING_ID,
      actor: asGuest,
      notes: "Winter tyres",
      answers: { plate: "K-Q 7", mileage: 5 },
      context: contextFor(SERVICE),
    };
    const cancel: BookingCommand = {
      type: "CancelBooking",
      bookingId: BOOKING_ID,
      actor: asGuest,
      reason: "Sold the car",
      context: { venue: WORKSHOP },
    };
    let events = [...history.confirmedSlot()];
    events = [...events, ...accepted(given(events).when(edit))];
    expect(stateOf(events)).toMatchObject({
      notes: "Winter tyres",
      answers: { plate: "K-Q 7", mileage: 5 },
      updatedAt: NOW.toISOString(),
      createdAt: EARLIER.toISOString(),
    });
    events = [...events, ...accepted(given(events).when(cancel))];
    expect(stateOf(events)).toMatchObject({ status: "cancelled", reason: "Sold the car" });
  });

  test("a submitted hold keeps its creation time and drops its expiry", () => {
    const held = stateOf(history.heldStay());
    expect(held).toMatchObject({ status: "held", holdExpiresAt: "2027-02-28T10:10:00.000Z" });
    expect(stateOf(history.pendingStay())).toMatchObject({
      status: "pending",
      holdExpiresAt: null,
    });
  });

  test("an old stream whose request said `confirmed` itself still folds", () => {
    // Before the venue's policy was recorded as a BookingConfirmed by the system, a request
    // at a venue without approval was this one event; the store keeps such streams.
    const [requested] = history.confirmedSlot();
    if (requested?.type !== "BookingRequested") throw new Error("expected BookingRequested");
    const old: BookingEvent = {
      type: "BookingRequested",
      data: { ...requested.data, status: "confirmed" },
    };
    expect(stateOf([old])).toEqual(stateOf(history.confirmedSlot()));
    const cancel: BookingCommand = {
      type: "CancelBooking",
      bookingId: BOOKING_ID,
      actor: asGuest,
      context: { venue: WORKSHOP },
    };
    expect(given([old]).when(cancel)).toMatchObject([{ type: "BookingCancelled" }]);
  });

  test("events before the booking exists leave the state alone", () => {
    const stray = {
      type: "BookingConfirmed",
      data: { bookingId: BOOKING_ID, at: "x", by: { system: true } },
    } as const;
    expect(evolveBooking(initialBookingState, stray)).toBe(initialBookingState);
  });
});
