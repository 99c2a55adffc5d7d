import { describe, expect, test } from "vitest";
import type { BookingEvent } from "../bookings/booking.events.ts";
import {
  type BookingState,
  type ExistingBooking,
  evolveBooking,
  initialBookingState,
} from "../bookings/booking.state.ts";
import { notificationsOwed } from "./notifications-owed.ts";

const by = { userId: "u-member" };
const start = "2027-03-10T10:00:00.000Z";
const details = {
  venueId: "v",
  offeringId: "o",
  price: { amount: 100, currency: "EUR" },
  bookedBy: { userId: "u-member" },
  notes: null,
  answers: {},
  mode: "slot" as const,
  resourceIds: ["r"],
  guests: 1,
  start,
  end: "2027-03-10T11:00:00.000Z",
  blockedStart: start,
  blockedEnd: "2027-03-10T11:00:00.000Z",
  checkIn: null,
  checkOut: null,
};
const base = { bookingId: "b", by };

const held: BookingEvent = {
  type: "BookingHeld",
  data: { ...base, ...details, at: "2027-03-01T10:00:00Z", holdExpiresAt: "2027-03-01T10:15:00Z" },
};
const requested = (at: string, status: "pending" | "confirmed" = "pending"): BookingEvent => ({
  type: "BookingRequested",
  data: { ...base, ...details, at, status, submittedHold: false },
});
const confirmed = (at: string): BookingEvent => ({
  type: "BookingConfirmed",
  data: { ...base, at },
});

/** The booking's states through these events, and what each event owed. */
function owedThrough(events: BookingEvent[]) {
  let state: BookingState = initialBookingState;
  return events.map((event) => {
    const next = evolveBooking(state, event);
    const owed = notificationsOwed(event, state, next);
    state = next;
    return owed;
  });
}

describe("what a booking event owes in mail", () => {
  test("a request that needs approval goes to staff; the confirmation to the booker, with a reminder 24 h before", () => {
    const [request, confirmation] = owedThrough([
      requested("2027-03-01T10:00:00Z"),
      confirmed("2027-03-01T12:00:00Z"),
    ]);
    expect(request?.mails).toEqual([{ kind: "booking_requested", to: "staff" }]);
    expect(confirmation?.mails).toEqual([
      { kind: "booking_confirmed", to: "booker" },
      { kind: "booking_reminder", to: "booker", dueAt: "2027-03-09T10:00:00.000Z" },
    ]);
  });

  test("a request the venue confirms in the same decision owes staff nothing, the booker the confirmation", () => {
    const request = requested("2027-03-01T10:00:00Z");
    const after = evolveBooking(initialBookingState, request);
    expect(
      notificationsOwed(request, initialBookingState, after, { confirmedAtOnce: true }).mails,
    ).toEqual([]);
  });

  test("confirmed less than 24 h before the start: no reminder (the confirmation is one)", () => {
    const [, confirmation] = owedThrough([
      requested("2027-03-09T09:00:00Z"),
      confirmed("2027-03-09T10:30:00Z"),
    ]);
    expect(confirmation?.mails).toEqual([{ kind: "booking_confirmed", to: "booker" }]);
  });

  test("an old stream's request recorded as confirmed owes the confirmation and the reminder", () => {
    const [request] = owedThrough([requested("2027-03-01T10:00:00Z", "confirmed")]);
    expect(request?.mails.map((mail) => mail.kind)).toEqual([
      "booking_confirmed",
      "booking_reminder",
    ]);
  });

  test("a hold owes nothing, nor does its expiry or cancellation before it was submitted", () => {
    const cancelled: BookingEvent = {
      type: "BookingCancelled",
      data: { ...base, at: "2027-03-01T10:05:00Z", reason: null, overrodeNotice: false },
    };
    const [hold, cancellation] = owedThrough([held, cancelled]);
    expect(hold?.mails).toEqual([]);
    expect(cancellation?.mails).toEqual([]);
  });

  test("rejection and cancellation tell the booker and drop the reminder", () => {
    const rejected: BookingEvent = {
      type: "BookingRejected",
      data: { ...base, at: "2027-03-01T11:00:00Z", reason: "full" },
    };
    const cancelled: BookingEvent = {
      type: "BookingCancelled",
      data: { ...base, at: "2027-03-02T11:00:00Z", reason: null, overrodeNotice: false },
    };
    const [, rejection] = owedThrough([requested("2027-03-01T10:00:00Z"), rejected]);
    expect(rejection).toEqual({
      mails: [{ kind: "booking_rejected", to: "booker" }],
      dropReminders: true,
    });
    const [, , cancellation] = owedThrough([
      requested("2027-03-01T10:00:00Z"),
      confirmed("2027-03-01T11:00:00Z"),
      cancelled,
    ]);
    expect(cancellation).toEqual({
      mails: [{ kind: "booking_cancelled", to: "booker" }],
      dropReminders: true,
    });
  });

  test("a move that stays confirmed reschedules the reminder; one back to pending asks staff again", () => {
    const moved = (status: "pending" | "confirmed"): BookingEvent => ({
      type: "BookingRescheduled",
      data: {
        ...base,
        at: "2027-03-02T10:00:00Z",
        resourceIds: ["r"],
        guests: 1,
        start: "2027-03-20T10:00:00.000Z",
        end: "2027-03-20T11:00:00.000Z",
        blockedStart: "2027-03-20T10:00:00.000Z",
        blockedEnd: "2027-03-20T11:00:00.000Z",
        checkIn: null,
        checkOut: null,
        price: { amount: 100, currency: "EUR" },
        status,
      },
    });
    const history = [requested("2027-03-01T10:00:00Z"), confirmed("2027-03-01T11:00:00Z")];
    const stillConfirmed = owedThrough([...history, moved("confirmed")]).at(-1);
    expect(stillConfirmed).toEqual({
      mails: [
        { kind: "booking_rescheduled", to: "booker" },
        { kind: "booking_reminder", to: "booker", dueAt: "2027-03-19T10:00:00.000Z" },
      ],
      dropReminders: true,
    });
    const backToPending = owedThrough([...history, moved("pending")]).at(-1);
    expect(backToPending?.mails).toEqual([
      { kind: "booking_rescheduled", to: "booker" },
      { kind: "booking_requested", to: "staff" },
    ]);
  });

  test("completion, no-show and edits owe no mail; the first two drop reminders", () => {
    const state = evolveBooking(
      initialBookingState,
      requested("2027-03-01T10:00:00Z"),
    ) as ExistingBooking;
    const completed: BookingEvent = {
      type: "BookingCompleted",
      data: { ...base, at: "2027-03-10T11:00:00Z" },
    };
    const edited: BookingEvent = {
      type: "BookingEdited",
      data: { ...base, at: "2027-03-02T10:00:00Z", notes: "x" },
    };
    expect(notificationsOwed(completed, state, evolveBooking(state, completed))).toEqual({
      mails: [],
      dropReminders: true,
    });
    expect(notificationsOwed(edited, state, evolveBooking(state, edited))).toEqual({
      mails: [],
      dropReminders: false,
    });
  });
});
