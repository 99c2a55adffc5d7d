import { manageTokenFor } from "../../bookings/manage-token.ts";
import type { Secrets } from "../../config/secrets.ts";

/** Who a booking mail is for: the person who booked, or the staff who decide. */
export type Audience = "booker" | "staff";

/**
 * Where the recipient opens the booking in the web app: staff on the admin page, members on
 * their own booking page, guests through a fresh manage token (their only key; docs/api.md,
 * "Authentication").
 */
export function bookingUrlFor(
  publicUrl: string,
  audience: Audience,
  booking: { id: string; end: string; bookedBy: { userId: string } | { guest: unknown } },
  secrets: Pick<Secrets, "tokenSigningKey">,
): string {
  if (audience === "staff") return `${publicUrl}/admin/bookings/${booking.id}`;
  if ("userId" in booking.bookedBy) return `${publicUrl}/bookings/${booking.id}`;
  return `${publicUrl}/manage/${manageTokenFor(secrets, booking.id, booking.end)}`;
}

export function loginUrlOf(publicUrl: string): string {
  return `${publicUrl}/login`;
}
