import type { LocalDate, Resource, StayOffering, Venue } from "../catalog/catalog.types.ts";
import type { BlockingReservation } from "./blocking-reservation.ts";
import { bookingWindow, isWithinBookingWindow } from "./booking-window.ts";
import { closedDays, isClosedDay } from "./closure-calendar.ts";
import { eligibleResources, indexById } from "./eligible-resources.ts";
import { dateOfDayNumber, dayNumber } from "./local-date.ts";
import { localToInstant, parseTimeOfDay } from "./local-time.ts";
import { markBusyWindows } from "./window-sweep.ts";

export interface StayAvailabilityQuery {
  offering: StayOffering;
  venue: Venue;
  /** The venue's resources (others are ignored); retired ones are never free. */
  resources: readonly Resource[];
  reservations: readonly BlockingReservation[];
  /** First night, inclusive. */
  from: LocalDate;
  /** Exclusive: the last night listed is the one before `to`. */
  to: LocalDate;
  /** When given, only rooms with at least this capacity count. */
  guests?: number;
  /**
   * When given, nights whose check-in is in the past, inside the minimum notice or beyond
   * the maximum advance list no free rooms, so the calendar shows only bookable nights.
   */
  now?: Date;
}

export interface NightAvailability {
  date: LocalDate;
  freeResourceIds: string[];
}

/**
 * Free rooms per night. Night D of a room is taken when a reservation overlaps
 * [check-in of D, check-out of D+1), the period a one-night stay would block
 * (stay-period.ts). A night on a closure date has no free room: the venue is closed from
 * that date's check-in on, while checking out on the first closed date is still allowed.
 */
export function stayAvailability(query: StayAvailabilityQuery): NightAvailability[] {
  const { offering, venue } = query;
  const firstDay = dayNumber(query.from);
  const nightCount = Math.max(0, dayNumber(query.to) - firstDay);
  const checkIn = parseTimeOfDay(offering.stay.checkInTime);
  const checkOut = parseTimeOfDay(offering.stay.checkOutTime);
  const starts = new Float64Array(nightCount);
  const ends = new Float64Array(nightCount);
  const dates: LocalDate[] = [];
  for (let day = firstDay; day <= firstDay + nightCount; day++) dates.push(dateOfDayNumber(day));
  for (let night = 0; night < nightCount; night++) {
    starts[night] = localToInstant(venue.timeZone, dates[night] as LocalDate, checkIn);
    ends[night] = localToInstant(venue.timeZone, dates[night + 1] as LocalDate, checkOut);
  }
  const rooms = eligibleResources(offering, query.resources, query.guests);
  const busy = markBusyWindows({ starts, ends }, query.reservations, indexById(rooms));
  const closed = closedDays(venue.closures);
  const window = query.now === undefined ? null : bookingWindow(venue.policies, query.now);

  const nights: NightAvailability[] = [];
  for (let night = 0; night < nightCount; night++) {
    const day = firstDay + night;
    const bookable =
      !isClosedDay(closed, day) &&
      (window === null || isWithinBookingWindow(window, starts[night] as number));
    const freeResourceIds: string[] = [];
    if (bookable) {
      rooms.forEach((room, index) => {
        if (busy[index * nightCount + night] === 0) freeResourceIds.push(room.id);
      });
    }
    nights.push({ date: dates[night] as LocalDate, freeResourceIds });
  }
  return nights;
}
