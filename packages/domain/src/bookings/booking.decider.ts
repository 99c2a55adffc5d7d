import type { Decider } from "../decider/decider.ts";
import type { BookingCommand } from "./booking.commands.ts";
import { decideChange } from "./booking.decide-change.ts";
import { decideCreate } from "./booking.decide-create.ts";
import { decideExpireHold, decideSubmitHold } from "./booking.decide-hold.ts";
import { decideLifecycle } from "./booking.decide-lifecycle.ts";
import { type BookingFailure, fieldInvalid } from "./booking.errors.ts";
import type { BookingEvent } from "./booking.events.ts";
import { accessFailure } from "./booking.permissions.ts";
import {
  type BookingState,
  bookingExists,
  evolveBooking,
  initialBookingState,
} from "./booking.state.ts";

/**
 * Decides one command against one booking's state. It validates the request against the
 * catalog and the lifecycle; it does not look at other bookings (the database's exclusion
 * constraint keeps blocking bookings apart). Accepted commands that change nothing return
 * no events.
 */
export function decideBooking(
  command: BookingCommand,
  state: BookingState,
  now: Date,
): BookingEvent[] | BookingFailure {
  if (command.type === "HoldBooking" || command.type === "RequestBooking") {
    return decideCreate(command, state, now);
  }
  // The api loads the stream named by the command; a mismatch is a wiring mistake, refused
  // here so one booking's decision can never land in another's stream.
  if (bookingExists(state) && command.bookingId !== state.bookingId) {
    return fieldInvalid("bookingId", "does not match the loaded booking");
  }
  const refused = accessFailure(command, state);
  if (refused || !bookingExists(state)) return refused ?? fieldInvalid("bookingId", "unknown");
  switch (command.type) {
    case "SubmitHold":
      return decideSubmitHold(command, state, now);
    case "ExpireHold":
      return decideExpireHold(command, state, now);
    case "ChangeBooking":
      return decideChange(command, state, now);
    default:
      return decideLifecycle(command, state, now);
  }
}

export type BookingDecider = Decider<BookingCommand, BookingState, BookingEvent, BookingFailure>;

export const bookingDecider: BookingDecider = Object.freeze({
  decide: decideBooking,
  evolve: evolveBooking,
  initialState: initialBookingState,
});
