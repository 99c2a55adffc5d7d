import { dateOfDayNumber, dayNumber, MINUTE_MS } from "../availability/local-date.ts";
import { localDateOf } from "../availability/local-time.ts";
import type { BookingEvent } from "../bookings/booking.events.ts";
import type { BookingPlacement } from "../bookings/booking.request.ts";
import type { BookingStatus } from "../bookings/booking.status.ts";
import type { Money } from "../catalog/catalog.types.ts";

/** "YYYY-MM": a calendar month of the venue's local dates. */
export type Month = string;

/**
 * What a booking adds to a month of a venue's statistics (docs/api.md, "Statistics").
 * `roomNights` and `slotMinutes` are the numerators of occupancy: the room-nights of stays
 * that fall into the month, and the minutes of appointments (per resource) starting in it.
 */
export interface MonthFigures {
  bookings: number;
  confirmed: number;
  cancelled: number;
  guests: number;
  nights: number;
  revenue: number;
  roomNights: number;
  slotMinutes: number;
}

export const NO_FIGURES: Readonly<MonthFigures> = Object.freeze({
  bookings: 0,
  confirmed: 0,
  cancelled: 0,
  guests: 0,
  nights: 0,
  revenue: 0,
  roomNights: 0,
  slotMinutes: 0,
});

const FIGURE_KEYS = Object.keys(NO_FIGURES) as (keyof MonthFigures)[];

/**
 * A requested booking as the statistics see it: the month of its start and what it would
 * count once confirmed. Holds are not here until they are submitted (a hold that expires
 * was never asked for); once requested, a booking stays counted in `bookings` whatever
 * becomes of it.
 */
export interface StatisticsBooking {
  bookingId: string;
  venueId: string;
  mode: "stay" | "slot";
  status: BookingStatus;
  /** The venue's local month of the booked start (a stay's check-in date). */
  month: Month;
  guests: number;
  /** Room-nights of a stay (nights × rooms); 1 for an appointment. */
  nights: number;
  /** Minor units of the venue's currency. */
  revenue: number;
  /** Occupied room-nights (stays) or booked resource-minutes (slots), per month. */
  usage: Record<Month, number>;
}

/** Statuses whose bookings count in guests, nights, revenue and occupancy. */
export function countsAsConfirmed(status: BookingStatus): boolean {
  return status === "confirmed" || status === "completed";
}

/**
 * Folds one booking event into the booking's statistics. `timeZone` is the venue's, as the
 * log said it was when the event was recorded; it places a slot's start in a local month.
 */
export function evolveStatisticsBooking(
  current: StatisticsBooking | null,
  event: BookingEvent,
  timeZone: string,
): StatisticsBooking | null {
  switch (event.type) {
    case "BookingRequested": {
      const { data } = event;
      const placed = placedFigures(data, data.price, timeZone);
      return {
        bookingId: data.bookingId,
        venueId: data.venueId,
        mode: data.mode,
        status: data.status,
        ...placed,
      };
    }
    case "BookingRescheduled": {
      if (!current) return null;
      const placement = { ...event.data, mode: current.mode };
      const placed = placedFigures(placement, event.data.price, timeZone);
      return { ...current, status: event.data.status, ...placed };
    }
    case "BookingConfirmed":
      return current && { ...current, status: "confirmed" };
    case "BookingRejected":
      return current && { ...current, status: "rejected" };
    case "BookingCancelled":
      return current && { ...current, status: "cancelled" };
    case "BookingCompleted":
      return current && { ...current, status: "completed" };
    case "BookingMarkedNoShow":
      return current && { ...current, status: "no_show" };
    case "HoldExpired":
      return current && { ...current, status: "expired" };
    case "BookingHeld":
    case "BookingEdited":
      return current;
  }
}

type Placed = Pick<StatisticsBooking, "month" | "guests" | "nights" | "revenue" | "usage">;

function placedFigures(placement: BookingPlacement, price: Money, timeZone: string): Placed {
  const rooms = placement.resourceIds.length;
  if (placement.mode === "stay" && placement.checkIn && placement.checkOut) {
    const usage: Record<Month, number> = {};
    const first = dayNumber(placement.checkIn);
    const last = dayNumber(placement.checkOut);
    for (let night = first; night < last; night++) {
      const month = dateOfDayNumber(night).slice(0, 7);
      usage[month] = (usage[month] ?? 0) + rooms;
    }
    return {
      month: placement.checkIn.slice(0, 7),
      guests: placement.guests,
      nights: (last - first) * rooms,
      revenue: price.amount,
      usage,
    };
  }
  const start = Date.parse(placement.start);
  const month = localDateOf(timeZone, start).slice(0, 7);
  const minutes = Math.round((Date.parse(placement.end) - start) / MINUTE_MS) * rooms;
  return {
    month,
    guests: placement.guests,
    nights: 1,
    revenue: price.amount,
    usage: { [month]: minutes },
  };
}

/** What a booking adds to each month it touches; nothing for no booking. */
export function monthlyContributions(booking: StatisticsBooking | null): Map<Month, MonthFigures> {
  const months = new Map<Month, MonthFigures>();
  if (!booking) return months;
  const counted = countsAsConfirmed(booking.status);
  months.set(booking.month, {
    ...NO_FIGURES,
    bookings: 1,
    confirmed: counted ? 1 : 0,
    cancelled: booking.status === "cancelled" ? 1 : 0,
    guests: counted ? booking.guests : 0,
    nights: counted ? booking.nights : 0,
    revenue: counted ? booking.revenue : 0,
  });
  if (!counted) return months;
  const used = booking.mode === "stay" ? "roomNights" : "slotMinutes";
  for (const [month, amount] of Object.entries(booking.usage)) {
    const figures = months.get(month) ?? { ...NO_FIGURES };
    figures[used] += amount;
    months.set(month, figures);
  }
  return months;
}

/**
 * Adds (`sign` 1) or takes away (-1) a booking's contributions to `into`, keyed by
 * venue and month (`${venueId} ${month}`).
 */
export function addContributions(
  into: Map<string, MonthFigures>,
  booking: StatisticsBooking | null,
  sign: 1 | -1,
): void {
  if (!booking) return;
  for (const [month, figures] of monthlyContributions(booking)) {
    const key = `${booking.venueId} ${month}`;
    const sum = into.get(key) ?? { ...NO_FIGURES };
    for (const figure of FIGURE_KEYS) sum[figure] += sign * figures[figure];
    into.set(key, sum);
  }
}

export function isZero(figures: MonthFigures): boolean {
  return FIGURE_KEYS.every((figure) => figures[figure] === 0);
}
