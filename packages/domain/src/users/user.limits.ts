/** Field limits from the public contract (api.md), shared by the domain and the api's schemas. */
export const USER_NAME_MAX_LENGTH = 200;
/** RFC 5321 caps a forward path at 256 octets including the angle brackets. */
export const USER_EMAIL_MAX_LENGTH = 254;
/** Not fixed by api.md: E.164 numbers have at most 15 digits; the rest leaves room for spacing. */
export const USER_PHONE_MAX_LENGTH = 50;
export const REASON_MAX_LENGTH = 2000;

/**
 * Passwords never reach the domain (only their argon2id hash does), so the api enforces this
 * policy before hashing. Lengths count UTF-16 code units, like the contract's zod schemas.
 */
export const PASSWORD_POLICY = Object.freeze({ minLength: 10, maxLength: 200 });

/** A human sentence when `password` breaks the policy, else null. */
export function passwordPolicyViolation(password: string): string | null {
  if (password.length < PASSWORD_POLICY.minLength) {
    return `must be at least ${PASSWORD_POLICY.minLength} characters`;
  }
  if (password.length > PASSWORD_POLICY.maxLength) {
    return `must be at most ${PASSWORD_POLICY.maxLength} characters`;
  }
  return null;
}
