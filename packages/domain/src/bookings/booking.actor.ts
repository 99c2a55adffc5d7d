import type { SystemActor, UserPrincipal } from "../users/user.actor.ts";

/**
 * Who issues a booking command. Signed-in people come as `{ userId, role }` (resolved by the
 * api); a guest as `{ guest: true, bookingId }`, the one booking their manage token opens;
 * `{ system: true }` is the process itself (hold expiry, completion, demo data).
 */
export type BookingActor = UserPrincipal | GuestActor | SystemActor;

export interface GuestActor {
  guest: true;
  bookingId: string;
}

/** How a decision's author shows in the booking's history (docs/api.md): no roles, no tokens. */
export type HistoryActor = { userId: string } | { guest: true } | { system: true };

export function isGuestActor(actor: BookingActor): actor is GuestActor {
  return "guest" in actor && actor.guest === true;
}

export function isSystem(actor: BookingActor): actor is SystemActor {
  return "system" in actor && actor.system === true;
}

/** Admins and the owner run every booking; members only their own. */
export function isStaff(actor: BookingActor): boolean {
  return "role" in actor && (actor.role === "admin" || actor.role === "owner");
}

export function historyActor(actor: BookingActor): HistoryActor {
  if (isSystem(actor)) return { system: true };
  if (isGuestActor(actor)) return { guest: true };
  return { userId: actor.userId };
}
