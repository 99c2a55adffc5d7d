/**
 * The one spelling of an address that lookups, the keyed e-mail hash and uniqueness use
 * (docs/api.md: trimmed and lower-cased). Plain `toLowerCase`, not a locale's, so every
 * process agrees.
 */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function isNormalizedEmail(email: string): boolean {
  return normalizeEmail(email) === email;
}

// Deliberately loose: deliverability is proven by mail, not by a regular expression.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

export function looksLikeEmail(email: string): boolean {
  return EMAIL_SHAPE.test(email);
}
