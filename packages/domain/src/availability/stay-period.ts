import type { LocalDate, StayOffering, Venue } from "../catalog/catalog.types.ts";
import { type EpochPeriod, type InstantPeriod, toInstantPeriod } from "./blocking-reservation.ts";
import { localToInstant, parseTimeOfDay } from "./local-time.ts";

/**
 * The period a stay blocks its rooms: from check-in time on the check-in date to check-out
 * time on the check-out date, in the venue's zone. Night availability uses the same
 * function for one-night stays, so a night shown free is a night a booking can take.
 */
export function stayPeriodMs(
  offering: StayOffering,
  timeZone: string,
  checkIn: LocalDate,
  checkOut: LocalDate,
): EpochPeriod {
  return {
    start: localToInstant(timeZone, checkIn, parseTimeOfDay(offering.stay.checkInTime)),
    end: localToInstant(timeZone, checkOut, parseTimeOfDay(offering.stay.checkOutTime)),
  };
}

/** [start, end) of a stay as UTC ISO instants: the reservation period of its rooms. */
export function stayPeriod(
  offering: StayOffering,
  venue: Venue,
  checkIn: LocalDate,
  checkOut: LocalDate,
): InstantPeriod {
  return toInstantPeriod(stayPeriodMs(offering, venue.timeZone, checkIn, checkOut));
}
