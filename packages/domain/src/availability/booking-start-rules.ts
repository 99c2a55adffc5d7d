import type { VenuePolicies } from "../catalog/catalog.types.ts";
import { bookingWindow } from "./booking-window.ts";
import {
  GUESTS_MAX,
  GUESTS_MIN,
  type RuleViolation,
  requestRuleViolation,
} from "./rule-violation.ts";

/**
 * The start rules shared by both modes, most specific first: a start before `now` is
 * IN_PAST (not MIN_NOTICE), then the minimum notice, then the maximum advance.
 */
export function checkBookingStart(
  policies: VenuePolicies,
  start: number,
  now: Date,
): RuleViolation | null {
  const window = bookingWindow(policies, now);
  if (start < window.now) return requestRuleViolation("IN_PAST", "The booking starts in the past.");
  if (start < window.earliest) {
    return requestRuleViolation(
      "MIN_NOTICE",
      `Bookings need at least ${policies.minNoticeMinutes} minutes' notice.`,
    );
  }
  if (start > window.latest) {
    return requestRuleViolation(
      "MAX_ADVANCE",
      `Bookings open at most ${policies.maxAdvanceDays} days in advance.`,
    );
  }
  return null;
}

export function checkGuests(guests: number): RuleViolation | null {
  if (Number.isInteger(guests) && guests >= GUESTS_MIN && guests <= GUESTS_MAX) return null;
  return requestRuleViolation("GUESTS", `A booking is for ${GUESTS_MIN} to ${GUESTS_MAX} guests.`);
}
