/** The business rules of bookings, as docs/api.md names them in `details.rule`. */
const REQUEST_RULES = [
  "IN_PAST",
  "MIN_NOTICE",
  "MAX_ADVANCE",
  "MIN_NIGHTS",
  "MAX_NIGHTS",
  "GUESTS",
  "CAPACITY",
  "CLOSED",
  "OFF_GRID",
  "HOLD_EXPIRED",
  "CANCELLATION_NOTICE",
] as const;
export type RequestRule = (typeof REQUEST_RULES)[number];

/** A refused request as a value, shaped like every domain failure; the api maps it to 422. */
export interface RuleViolation {
  code: "RULE_VIOLATION";
  message: string;
  details: { rule: RequestRule };
}

export function requestRuleViolation(rule: RequestRule, message: string): RuleViolation {
  return { code: "RULE_VIOLATION", message, details: { rule } };
}

/** Parties are 1–20 guests for either mode. */
export const GUESTS_MIN = 1;
export const GUESTS_MAX = 20;
