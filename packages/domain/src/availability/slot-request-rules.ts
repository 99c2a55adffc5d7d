import type { Resource, SlotOffering, Venue } from "../catalog/catalog.types.ts";
import { type InstantInput, toEpochMs } from "./blocking-reservation.ts";
import { checkBookingStart, checkGuests } from "./booking-start-rules.ts";
import { closedDays } from "./closure-calendar.ts";
import { dayNumber, MINUTE_MS } from "./local-date.ts";
import { localDateOf } from "./local-time.ts";
import { openingSpans } from "./opening-spans.ts";
import { type RuleViolation, requestRuleViolation } from "./rule-violation.ts";
import { slotPeriodMs } from "./slot-period.ts";

export interface SlotRequest {
  offering: SlotOffering;
  venue: Venue;
  start: InstantInput;
  guests: number;
  now: Date;
  /** The resources asked for, if any: each must hold the party. */
  resources?: readonly Resource[];
}

/**
 * The business rules of a slot request, first failure wins: party size, timing, then
 * CLOSED when no opening interval of the start's day (or the day before, for safety at
 * midnight) holds the buffered period or the day is a closure, OFF_GRID when one does but
 * the start is not a whole number of steps after that interval's opening instant — the
 * grid slot-availability.ts generates. Free resources are the exclusion constraint's job.
 */
export function checkSlotRequest(request: SlotRequest): RuleViolation | null {
  const { offering, venue } = request;
  const guests = checkGuests(request.guests);
  if (guests !== null) return guests;

  const start = toEpochMs(request.start);
  const timing = checkBookingStart(venue.policies, start, request.now);
  if (timing !== null) return timing;

  const period = slotPeriodMs(offering.slot, start);
  const closed = closedDays(venue.closures);
  const day = dayNumber(localDateOf(venue.timeZone, start));
  const spans = [...openingSpans(venue, closed, day - 1), ...openingSpans(venue, closed, day)];
  const span = spans.find((s) => s.start <= period.start && period.end <= s.end);
  if (span === undefined) {
    return requestRuleViolation("CLOSED", "The slot lies outside the opening hours.");
  }
  if ((start - span.start) % (offering.slot.stepMinutes * MINUTE_MS) !== 0) {
    return requestRuleViolation(
      "OFF_GRID",
      `Slots start every ${offering.slot.stepMinutes} minutes from opening.`,
    );
  }

  const small = request.resources?.find((resource) => resource.capacity < request.guests);
  if (small !== undefined) {
    return requestRuleViolation("CAPACITY", `${small.name} holds fewer than ${request.guests}.`);
  }
  return null;
}
