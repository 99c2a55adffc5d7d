import { createHmac } from "node:crypto";

/**
 * Login finds a user through a keyed hash of the normalized e-mail address, never the
 * address itself: the events hold it encrypted, and the hash means nothing without the key.
 */
export function emailLookupHash(key: Buffer, normalizedEmail: string): string {
  return createHmac("sha256", key).update(normalizedEmail).digest("base64url");
}
