import type { UserStateStatus } from "./user.state.ts";

/**
 * Business rules of users beyond the booking rules listed in docs/api.md; sent as `details.rule`.
 * `OWNER_REQUIRED`: the command would leave the system without its one owner (the owner
 * demoting, disabling or erasing themself without handing ownership over first).
 */
export type UserRule = "OWNER_REQUIRED";

/** Expected refusals, as values with the public contract's codes; the api maps them once. */
export type UserFailure =
  | { code: "INVALID_STATE"; message: string; details: { current: UserStateStatus } }
  | { code: "FORBIDDEN"; message: string }
  | { code: "RULE_VIOLATION"; message: string; details: { rule: UserRule } }
  | { code: "VALIDATION_FAILED"; message: string; details: Record<string, string[]> };

/** Tells a refusal from a decision (events, or an object such as an ownership transfer). */
export function isUserFailure<Decision extends object>(
  result: Decision | UserFailure,
): result is UserFailure {
  return !Array.isArray(result) && "code" in result;
}

export function invalidState(current: UserStateStatus, message: string): UserFailure {
  return { code: "INVALID_STATE", message, details: { current } };
}

export function forbidden(message: string): UserFailure {
  return { code: "FORBIDDEN", message };
}

export function ruleViolation(rule: UserRule, message: string): UserFailure {
  return { code: "RULE_VIOLATION", message, details: { rule } };
}

/** Null when there are no problems, so callers can `return failure ?? events`. */
export function validationFailed(problems: Record<string, string[]>): UserFailure | null {
  if (Object.keys(problems).length === 0) return null;
  return { code: "VALIDATION_FAILED", message: "The user data is not valid.", details: problems };
}

export function fieldInvalid(field: string, message: string): UserFailure {
  return {
    code: "VALIDATION_FAILED",
    message: "The user data is not valid.",
    details: { [field]: [message] },
  };
}
