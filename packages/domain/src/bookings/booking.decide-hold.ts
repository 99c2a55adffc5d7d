import type { ExpireHold, SubmitHold } from "./booking.commands.ts";
import { eventBase, requestedEvents } from "./booking.decide-create.ts";
import {
  type BookingFailure,
  invalidState,
  ruleViolation,
  validationFailed,
} from "./booking.errors.ts";
import type { BookingEvent } from "./booking.events.ts";
import { isGuestBooking } from "./booking.request.ts";
import { type ExistingBooking, pickDetails } from "./booking.state.ts";
import { hasStarted, holdHasRunOut } from "./booking.timing.ts";
import {
  addProblem,
  answerProblems,
  bookedByProblems,
  cleanText,
  type FieldProblems,
  textProblem,
} from "./booking.validation.ts";

/**
 * A hold becomes a booking only while it runs. The clock decides, not the recorded status:
 * a submit that races the expiry worker and arrives at or after `holdExpiresAt` is refused
 * even though `HoldExpired` is not written yet.
 */
export function decideSubmitHold(
  command: SubmitHold,
  state: ExistingBooking,
  now: Date,
): BookingEvent[] | BookingFailure {
  const { venue, offering } = command.context;
  const problems: FieldProblems = {};
  if (venue.id !== state.venueId || offering.id !== state.offeringId) {
    addProblem(problems, "context", "does not match the booking's venue and offering");
  }
  addProblem(problems, "notes", textProblem(command.notes, false));
  // Answers given now complete those given with the hold; the form is done, so all required.
  const answers = { ...state.answers, ...command.answers };
  answerProblems(problems, answers, offering.questions ?? [], true);
  if (command.guest !== undefined) {
    if (isGuestBooking(state.bookedBy)) bookedByProblems(problems, { guest: command.guest });
    else addProblem(problems, "guest", "only a guest booking has a guest contact");
  }
  const invalid = validationFailed(problems);
  if (invalid) return invalid;
  if (state.status === "expired") return holdExpired();
  if (state.status !== "held") return invalidState(state.status, "Only a hold can be submitted.");
  if (holdHasRunOut(state.holdExpiresAt, now)) return holdExpired();
  if (hasStarted(state.start, now)) {
    return ruleViolation("IN_PAST", "The booking must start in the future.");
  }

  const details = pickDetails(state);
  const bookedBy = command.guest !== undefined ? { guest: command.guest } : state.bookedBy;
  const notes = command.notes === undefined ? state.notes : cleanText(command.notes);
  const base = eventBase(state.bookingId, command.actor, now);
  const data = { ...base, ...details, bookedBy, notes, answers, submittedHold: true };
  return requestedEvents(data, venue);
}

export function decideExpireHold(
  command: ExpireHold,
  state: ExistingBooking,
  now: Date,
): BookingEvent[] | BookingFailure {
  if (state.status !== "held") return invalidState(state.status, "Only a hold can expire.");
  if (!holdHasRunOut(state.holdExpiresAt, now)) {
    return ruleViolation("HOLD_ACTIVE", "The hold has not run out yet.");
  }
  return [{ type: "HoldExpired", data: eventBase(state.bookingId, command.actor, now) }];
}

function holdExpired(): BookingFailure {
  return ruleViolation("HOLD_EXPIRED", "The hold has expired; the slot may be taken again.");
}
