import type { RequestRule } from "../availability/rule-violation.ts";
import type { BookingStateStatus } from "./booking.status.ts";

/** The booking rules of the public contract (docs/api.md), sent as `details.rule`. */
export type ContractRule = RequestRule;

/**
 * Lifecycle timing the contract does not name because only staff and the workers meet it:
 * completing before the end (`NOT_ENDED`), a no-show before the start (`NOT_STARTED`),
 * expiring a hold that still runs (`HOLD_ACTIVE`).
 */
export type BookingRule = ContractRule | "NOT_ENDED" | "NOT_STARTED" | "HOLD_ACTIVE";

/**
 * Expected refusals as values with the contract's codes; the api maps them once. FORBIDDEN
 * says whether the actor may see the booking at all: `visible: false` must reach the caller
 * as 404 (another member's booking, or none), `visible: true` as 403.
 */
export type BookingFailure =
  | { code: "INVALID_STATE"; message: string; details: { current: BookingStateStatus } }
  | { code: "RULE_VIOLATION"; message: string; details: { rule: BookingRule } }
  | { code: "FORBIDDEN"; message: string; details: { visible: boolean } }
  | { code: "VALIDATION_FAILED"; message: string; details: Record<string, string[]> };

export function isBookingFailure<Decision extends object>(
  result: Decision | BookingFailure,
): result is BookingFailure {
  return !Array.isArray(result) && "code" in result;
}

export function invalidState(current: BookingStateStatus, message: string): BookingFailure {
  return { code: "INVALID_STATE", message, details: { current } };
}

export function ruleViolation(rule: BookingRule, message: string): BookingFailure {
  return { code: "RULE_VIOLATION", message, details: { rule } };
}

export function notFound(): BookingFailure {
  return { code: "FORBIDDEN", message: "No such booking.", details: { visible: false } };
}

export function forbidden(message: string): BookingFailure {
  return { code: "FORBIDDEN", message, details: { visible: true } };
}

/** Null when there are no problems, so callers can `return failure ?? events`. */
export function validationFailed(problems: Record<string, string[]>): BookingFailure | null {
  if (Object.keys(problems).length === 0) return null;
  return {
    code: "VALIDATION_FAILED",
    message: "The booking data is not valid.",
    details: problems,
  };
}

export function fieldInvalid(field: string, message: string): BookingFailure {
  return {
    code: "VALIDATION_FAILED",
    message: "The booking data is not valid.",
    details: { [field]: [message] },
  };
}
