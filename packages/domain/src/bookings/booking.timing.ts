import type { Resource, Venue } from "../catalog/catalog.types.ts";
import { type BookingFailure, ruleViolation } from "./booking.errors.ts";
import type { BookingPlacement } from "./booking.request.ts";
import type { BookingContext, BookingRuleContext } from "./booking.rule-check.ts";

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * The rules a new or moved booking must meet: it starts in the future (the decider's own,
 * so no catalog check can let a past booking through), then the catalog's rules via the port.
 */
export function placementRuleFailure(
  placement: BookingPlacement,
  resources: readonly Resource[],
  context: BookingContext,
  now: Date,
): BookingFailure | null {
  if (Date.parse(placement.start) <= now.getTime()) {
    return ruleViolation("IN_PAST", "The booking must start in the future.");
  }
  const failure = context.checkRules(placement, ruleContext(resources, context, now));
  return failure ? ruleViolation(failure.rule, failure.message) : null;
}

export function ruleContext(
  resources: readonly Resource[],
  { venue, offering }: BookingContext,
  now: Date,
): BookingRuleContext {
  return { venue, offering, resources, now };
}

/** The hold runs out at `now + TTL`; at that instant it is already over. */
export function holdExpiry(venue: Venue, now: Date): string {
  return new Date(now.getTime() + venue.policies.holdTtlMinutes * MINUTE).toISOString();
}

export function holdHasRunOut(holdExpiresAt: string | null, now: Date): boolean {
  return holdExpiresAt === null || now.getTime() >= Date.parse(holdExpiresAt);
}

/**
 * Inside the notice, bookers may no longer cancel or move a confirmed booking. Exactly at
 * `start − notice` is still in time: "24 hours before" includes the 24th hour.
 */
export function isWithinCancellationNotice(start: string, venue: Venue, now: Date): boolean {
  const deadline = Date.parse(start) - venue.policies.cancellationNoticeHours * HOUR;
  return now.getTime() > deadline;
}

export function hasStarted(start: string, now: Date): boolean {
  return now.getTime() >= Date.parse(start);
}
