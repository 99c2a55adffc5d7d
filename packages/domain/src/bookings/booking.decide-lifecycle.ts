import { isStaff, isSystem } from "./booking.actor.ts";
import type {
  CancelBooking,
  CompleteBooking,
  ConfirmBooking,
  MarkNoShow,
  RejectBooking,
} from "./booking.commands.ts";
import { eventBase } from "./booking.decide-create.ts";
import {
  type BookingFailure,
  fieldInvalid,
  invalidState,
  ruleViolation,
} from "./booking.errors.ts";
import type { BookingEvent } from "./booking.events.ts";
import type { ExistingBooking } from "./booking.state.ts";
import { type BookingStatus, isBlocking } from "./booking.status.ts";
import { hasStarted, isWithinCancellationNotice } from "./booking.timing.ts";
import { cleanText, textProblem } from "./booking.validation.ts";

type LifecycleCommand =
  | ConfirmBooking
  | RejectBooking
  | CancelBooking
  | CompleteBooking
  | MarkNoShow;

/** Status changes after the booking exists; access was checked by the decider. */
export function decideLifecycle(
  command: LifecycleCommand,
  state: ExistingBooking,
  now: Date,
): BookingEvent[] | BookingFailure {
  const base = eventBase(state.bookingId, command.actor, now);
  switch (command.type) {
    case "ConfirmBooking":
      return (
        expectStatus(state, "pending", "Only a pending booking can be confirmed.") ?? [
          { type: "BookingConfirmed", data: base },
        ]
      );
    case "RejectBooking": {
      const reasonProblem = textProblem(command.reason, true);
      if (reasonProblem) return fieldInvalid("reason", reasonProblem);
      return (
        expectStatus(state, "pending", "Only a pending booking can be rejected.") ?? [
          { type: "BookingRejected", data: { ...base, reason: command.reason.trim() } },
        ]
      );
    }
    case "CancelBooking":
      return decideCancel(command, state, now);
    case "CompleteBooking": {
      const wrong = expectStatus(state, "confirmed", "Only a confirmed booking can complete.");
      if (wrong) return wrong;
      if (!hasStarted(state.end, now)) return ruleViolation("NOT_ENDED", "It has not ended yet.");
      return [{ type: "BookingCompleted", data: base }];
    }
    case "MarkNoShow": {
      const wrong = expectStatus(state, "confirmed", "Only a confirmed booking can be a no-show.");
      if (wrong) return wrong;
      if (!hasStarted(state.start, now)) {
        return ruleViolation("NOT_STARTED", "Nobody can miss a booking that has not started.");
      }
      return [{ type: "BookingMarkedNoShow", data: base }];
    }
  }
}

/**
 * Cancelling frees the resources of any booking that still holds them. The notice binds
 * bookers only on confirmed bookings: a hold is an unfinished form and a pending request
 * was never promised, so withdrawing either costs the venue nothing. Staff may cancel
 * inside the notice; the event records that they did.
 */
function decideCancel(
  command: CancelBooking,
  state: ExistingBooking,
  now: Date,
): BookingEvent[] | BookingFailure {
  const reasonProblem = textProblem(command.reason, false);
  if (reasonProblem) return fieldInvalid("reason", reasonProblem);
  if (!isBlocking(state.status)) {
    return invalidState(state.status, "This booking can no longer be cancelled.");
  }
  const late =
    state.status === "confirmed" &&
    isWithinCancellationNotice(state.start, command.context.venue, now);
  const staff = isStaff(command.actor) || isSystem(command.actor);
  if (late && !staff) {
    const hours = command.context.venue.policies.cancellationNoticeHours;
    return ruleViolation(
      "CANCELLATION_NOTICE",
      `Cancellations are possible up to ${hours} hours before the start; please contact the venue.`,
    );
  }
  const data = { reason: cleanText(command.reason), overrodeNotice: late };
  return [
    {
      type: "BookingCancelled",
      data: { ...eventBase(state.bookingId, command.actor, now), ...data },
    },
  ];
}

function expectStatus(
  state: ExistingBooking,
  expected: BookingStatus,
  message: string,
): BookingFailure | null {
  return state.status === expected ? null : invalidState(state.status, message);
}
