import { describe, expect, test } from "vitest";
import type { BookingEvent } from "../bookings/booking.events.ts";
import {
  addContributions,
  evolveStatisticsBooking,
  type MonthFigures,
  monthlyContributions,
  NO_FIGURES,
  type StatisticsBooking,
} from "./booking-statistics.ts";

const by = { system: true } as const;
const base = { bookingId: "b-1", at: "2027-01-01T00:00:00Z", by };

function requested(overrides: Record<string, unknown> = {}): BookingEvent {
  return {
    type: "BookingRequested",
    data: {
      ...base,
      venueId: "v-1",
      offeringId: "o-1",
      mode: "stay",
      resourceIds: ["r-1", "r-2"],
      guests: 3,
      start: "2027-03-30T13:00:00Z",
      end: "2027-04-02T08:00:00Z",
      blockedStart: "2027-03-30T13:00:00Z",
      blockedEnd: "2027-04-02T08:00:00Z",
      checkIn: "2027-03-30",
      checkOut: "2027-04-02",
      price: { amount: 30_000, currency: "EUR" },
      bookedBy: { userId: "u-1" },
      notes: null,
      answers: {},
      status: "pending",
      submittedHold: false,
      ...overrides,
    },
  } as BookingEvent;
}

const status = (type: BookingEvent["type"]) => ({ type, data: base }) as BookingEvent;

function fold(events: BookingEvent[], timeZone = "Europe/Berlin"): StatisticsBooking | null {
  return events.reduce<StatisticsBooking | null>(
    (current, event) => evolveStatisticsBooking(current, event, timeZone),
    null,
  );
}

const figures = (overrides: Partial<MonthFigures>): MonthFigures => ({
  ...NO_FIGURES,
  ...overrides,
});

describe("a booking's statistics", () => {
  test("a stay counts in the month of its check-in; its room-nights occupy each month they fall in", () => {
    const stay = fold([requested(), status("BookingConfirmed")]);
    expect(Object.fromEntries(monthlyContributions(stay))).toEqual({
      "2027-03": figures({
        bookings: 1,
        confirmed: 1,
        guests: 3,
        nights: 6,
        revenue: 30_000,
        roomNights: 4,
      }),
      "2027-04": figures({ roomNights: 2 }),
    });
  });

  test("a pending, rejected or cancelled booking counts as a booking only", () => {
    for (const events of [
      [requested()],
      [requested(), status("BookingRejected")],
      [requested(), status("BookingConfirmed"), status("BookingCancelled")],
      [requested({ status: "confirmed" }), status("BookingMarkedNoShow")],
    ]) {
      const cancelled = events.at(-1)?.type === "BookingCancelled" ? 1 : 0;
      expect(Object.fromEntries(monthlyContributions(fold(events)))).toEqual({
        "2027-03": figures({ bookings: 1, cancelled }),
      });
    }
  });

  test("holds count only once they are requested", () => {
    const held = { ...requested(), type: "BookingHeld" } as BookingEvent;
    expect(fold([held])).toBeNull();
    expect(fold([held, status("HoldExpired")])).toBeNull();
    expect(fold([held, requested({ submittedHold: true })])?.status).toBe("pending");
  });

  test("a slot counts in the venue's local month, its minutes per resource", () => {
    // 08:00 in Tokyo on 1 May is still 30 April in UTC.
    const slot = fold(
      [
        requested({
          mode: "slot",
          resourceIds: ["bay"],
          guests: 1,
          start: "2027-04-30T23:00:00Z",
          end: "2027-05-01T00:30:00Z",
          checkIn: null,
          checkOut: null,
          price: { amount: 8900, currency: "EUR" },
          status: "confirmed",
        }),
        status("BookingCompleted"),
      ],
      "Asia/Tokyo",
    );
    expect(Object.fromEntries(monthlyContributions(slot))).toEqual({
      "2027-05": figures({
        bookings: 1,
        confirmed: 1,
        guests: 1,
        nights: 1,
        revenue: 8900,
        slotMinutes: 90,
      }),
    });
  });

  test("a reschedule moves the booking, keeping its status as the event says", () => {
    const moved = fold([
      requested({ status: "confirmed" }),
      {
        type: "BookingRescheduled",
        data: {
          ...base,
          resourceIds: ["r-1"],
          guests: 2,
          start: "2027-05-10T13:00:00Z",
          end: "2027-05-12T08:00:00Z",
          blockedStart: "2027-05-10T13:00:00Z",
          blockedEnd: "2027-05-12T08:00:00Z",
          checkIn: "2027-05-10",
          checkOut: "2027-05-12",
          price: { amount: 9000, currency: "EUR" },
          status: "confirmed",
        },
      },
    ]);
    expect(Object.fromEntries(monthlyContributions(moved))).toEqual({
      "2027-05": figures({
        bookings: 1,
        confirmed: 1,
        guests: 2,
        nights: 2,
        revenue: 9000,
        roomNights: 2,
      }),
    });
  });

  test("taking the old contributions away and adding the new ones is the change", () => {
    const before = fold([requested(), status("BookingConfirmed")]);
    const after = fold([requested(), status("BookingConfirmed"), status("BookingCancelled")]);
    const delta = new Map<string, MonthFigures>();
    addContributions(delta, after, 1);
    addContributions(delta, before, -1);
    expect(Object.fromEntries(delta)).toEqual({
      "v-1 2027-03": figures({
        cancelled: 1,
        confirmed: -1,
        guests: -3,
        nights: -6,
        revenue: -30_000,
        roomNights: -4,
      }),
      "v-1 2027-04": figures({ roomNights: -2 }),
    });
  });
});
