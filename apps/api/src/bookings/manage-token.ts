import { randomUUID } from "node:crypto";
import type { Secrets } from "../config/secrets.ts";
import { signToken } from "../identity/signed-token.ts";

/** A guest's key stays valid this long after the booking ended, for the .ics or a receipt. */
const VALID_AFTER_END_SECONDS = 90 * 24 * 3600;

/**
 * A fresh manage token for a guest booking (docs/product.md, "Guests"): sent as
 * `X-Booking-Token`, it opens that one booking until 90 days after `end` (UTC ISO). Each
 * call signs a new token with its own id; every one of them opens the booking.
 */
export function manageTokenFor(
  secrets: Pick<Secrets, "tokenSigningKey">,
  bookingId: string,
  end: string,
): string {
  return signToken(secrets.tokenSigningKey, "manage", {
    id: randomUUID(),
    subject: bookingId,
    expiresAt: Math.floor(Date.parse(end) / 1000) + VALID_AFTER_END_SECONDS,
  });
}
