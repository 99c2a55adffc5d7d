import type { LocalDate, Resource, StayOffering, Venue } from "../catalog/catalog.types.ts";
import { checkBookingStart, checkGuests } from "./booking-start-rules.ts";
import { closedDays, isClosedDay } from "./closure-calendar.ts";
import { dayNumber } from "./local-date.ts";
import { type RuleViolation, requestRuleViolation } from "./rule-violation.ts";
import { stayPeriodMs } from "./stay-period.ts";

export interface StayRequest {
  offering: StayOffering;
  venue: Venue;
  /** The rooms asked for, already resolved by the caller. */
  rooms: readonly Resource[];
  checkIn: LocalDate;
  checkOut: LocalDate;
  guests: number;
  now: Date;
}

/**
 * The business rules of a stay request, first failure wins, in the order a guest fixes
 * them: party size, length, timing, closures, rooms. The stay starts at check-in time on
 * the check-in date, so a same-day stay is fine until check-in time and IN_PAST after it.
 * A night on a closure date is CLOSED; checking out on the first closed date is allowed.
 * Free rooms are not checked here: the reservations' exclusion constraint decides.
 */
export function checkStayRequest(request: StayRequest): RuleViolation | null {
  const { offering, venue } = request;
  const guests = checkGuests(request.guests);
  if (guests !== null) return guests;

  const firstNight = dayNumber(request.checkIn);
  const nights = dayNumber(request.checkOut) - firstNight;
  if (nights < offering.stay.minNights) {
    return requestRuleViolation(
      "MIN_NIGHTS",
      `A stay is at least ${offering.stay.minNights} night(s).`,
    );
  }
  if (nights > offering.stay.maxNights) {
    return requestRuleViolation(
      "MAX_NIGHTS",
      `A stay is at most ${offering.stay.maxNights} night(s).`,
    );
  }

  const period = stayPeriodMs(offering, venue.timeZone, request.checkIn, request.checkOut);
  const start = checkBookingStart(venue.policies, period.start, request.now);
  if (start !== null) return start;

  const closed = closedDays(venue.closures);
  for (let night = firstNight; night < firstNight + nights; night++) {
    if (isClosedDay(closed, night)) {
      return requestRuleViolation("CLOSED", "The venue is closed during the stay.");
    }
  }

  const capacity = request.rooms.reduce((sum, room) => sum + room.capacity, 0);
  if (capacity < request.guests) {
    return requestRuleViolation(
      "CAPACITY",
      `The rooms sleep ${capacity}, fewer than ${request.guests} guests.`,
    );
  }
  return null;
}
