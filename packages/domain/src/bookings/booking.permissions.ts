import { type BookingActor, isGuestActor, isStaff, isSystem } from "./booking.actor.ts";
import type { BookingCommand, CreateBooking } from "./booking.commands.ts";
import { type BookingFailure, forbidden, notFound } from "./booking.errors.ts";
import type { BookedBy } from "./booking.request.ts";
import { type BookingState, bookingExists, type ExistingBooking } from "./booking.state.ts";

/**
 * Whether the actor may see the booking at all: staff and the system see every booking, a
 * member their own, a guest the one their manage token opens (and only a guest booking).
 */
export function mayOpen(actor: BookingActor, booking: ExistingBooking): boolean {
  if (isSystem(actor) || isStaff(actor)) return true;
  if (isGuestActor(actor))
    return actor.bookingId === booking.bookingId && "guest" in booking.bookedBy;
  return "userId" in booking.bookedBy && booking.bookedBy.userId === actor.userId;
}

/** Who a booking may be made for: members for themselves, a guest for their new booking. */
export function mayBookFor(actor: BookingActor, bookedBy: BookedBy, bookingId: string): boolean {
  if (isSystem(actor) || isStaff(actor)) return true;
  if (isGuestActor(actor)) return "guest" in bookedBy && actor.bookingId === bookingId;
  return "userId" in bookedBy && bookedBy.userId === actor.userId;
}

type ExistingBookingCommand = Exclude<BookingCommand, CreateBooking>;

/** Which actors a command on an existing booking admits, among those who may open it. */
function mayRun(command: ExistingBookingCommand): boolean {
  const { actor } = command;
  switch (command.type) {
    case "ConfirmBooking":
    case "RejectBooking":
    case "MarkNoShow":
      // Approval and no-shows are a person's judgement, not a worker's.
      return isStaff(actor);
    case "CompleteBooking":
      return isStaff(actor) || isSystem(actor);
    // Staff free a hold by cancelling it; expiry is the clock's, so only the worker records it.
    case "ExpireHold":
      return isSystem(actor);
    default:
      return true;
  }
}

/**
 * Refuses before anything else is looked at, so probing teaches a caller nothing about a
 * booking they may not see: no booking and somebody else's booking fail alike.
 */
export function accessFailure(
  command: ExistingBookingCommand,
  state: BookingState,
): BookingFailure | null {
  if (!bookingExists(state) || !mayOpen(command.actor, state)) return notFound();
  if (!mayRun(command)) return forbidden("You may not do this with the booking.");
  return null;
}
