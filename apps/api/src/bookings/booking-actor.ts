import type { BookingActor } from "@booking/domain";
import { AppError } from "../errors/app-error.ts";
import { requireActive } from "../identity/access.ts";
import type { Principal } from "../identity/principal.ts";

/**
 * Who acts on a booking: a user (members their own, staff all: the decider decides), or a
 * guest through the manage token of exactly one booking. The procedure's access declaration
 * already let the caller in; an anonymous caller here is a procedure declared too widely.
 */
export function bookingActor(principal: Principal): BookingActor {
  if (principal.kind === "guest") return { guest: true, bookingId: principal.bookingId };
  if (principal.kind === "anonymous") {
    throw new AppError("UNAUTHENTICATED", "Log in or send the booking's manage token.");
  }
  const user = requireActive(principal);
  return { userId: user.userId, role: user.role };
}

/** For creating: also anonymous people, who book as guests with their contact details. */
export function creatingActor(principal: Principal, newBookingId: string): BookingActor {
  if (principal.kind === "anonymous" || principal.kind === "guest") {
    return { guest: true, bookingId: newBookingId };
  }
  return bookingActor(principal);
}

export function requireGuestOnlyWhenAnonymous(principal: Principal, hasGuest: boolean): void {
  const signedIn = principal.kind === "user";
  if (signedIn && hasGuest) {
    throw new AppError("VALIDATION_FAILED", "Signed-in users book as themselves.", {
      details: { guest: ["must be absent when you are logged in"] },
    });
  }
  if (!signedIn && !hasGuest) {
    throw new AppError("VALIDATION_FAILED", "Guests give their contact details.", {
      details: { guest: ["is required without logging in"] },
    });
  }
}
