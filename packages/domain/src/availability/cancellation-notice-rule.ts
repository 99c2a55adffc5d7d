import type { Venue } from "../catalog/catalog.types.ts";
import { type InstantInput, toEpochMs } from "./blocking-reservation.ts";
import { HOUR_MS } from "./local-date.ts";
import { type RuleViolation, requestRuleViolation } from "./rule-violation.ts";

/**
 * Whether a cancellation at `now` respects the venue's notice: allowed while at least
 * `cancellationNoticeHours` remain before the start (exactly that much is still in time).
 * Admins may cancel regardless; that exemption is the booking decider's to apply.
 */
export function checkCancellationNotice(
  venue: Venue,
  start: InstantInput,
  now: Date,
): RuleViolation | null {
  const hours = venue.policies.cancellationNoticeHours;
  if (toEpochMs(start) - now.getTime() >= hours * HOUR_MS) return null;
  return requestRuleViolation(
    "CANCELLATION_NOTICE",
    `Cancellations need at least ${hours} hours' notice.`,
  );
}
