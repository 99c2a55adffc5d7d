import { isStaff, isSystem } from "./booking.actor.ts";
import type { EditBooking, RescheduleBooking } from "./booking.commands.ts";
import { eventBase } from "./booking.decide-create.ts";
import {
  type BookingFailure,
  fieldInvalid,
  invalidState,
  ruleViolation,
  validationFailed,
} from "./booking.errors.ts";
import type { BookingEdited, BookingEvent } from "./booking.events.ts";
import { resolveRequest } from "./booking.placement.ts";
import type { BookingPlacement, BookingRequest } from "./booking.request.ts";
import type { ExistingBooking } from "./booking.state.ts";
import { isBlocking } from "./booking.status.ts";
import {
  hasStarted,
  isWithinCancellationNotice,
  placementRuleFailure,
  ruleContext,
} from "./booking.timing.ts";
import {
  addProblem,
  answerProblems,
  cleanText,
  type FieldProblems,
  textProblem,
} from "./booking.validation.ts";

/**
 * Moves a booking: the changed request is checked like a new one (the reservations
 * projection re-checks the resources in the same transaction). Holds are not moved (a new
 * hold is as quick), and a booking that has begun is not either. For bookers, moving a
 * confirmed booking inside the cancellation notice is as late as cancelling it.
 */
export function decideReschedule(
  command: RescheduleBooking,
  state: ExistingBooking,
  now: Date,
): BookingEvent[] | BookingFailure {
  const { context, change } = command;
  const request: BookingRequest = {
    offeringId: state.offeringId,
    resourceIds: change.resourceIds ?? state.resourceIds,
    guests: change.guests ?? state.guests,
    ...(state.mode === "stay"
      ? {
          checkIn: change.checkIn ?? state.checkIn ?? "",
          checkOut: change.checkOut ?? state.checkOut ?? "",
        }
      : { start: change.start ?? state.start }),
  };
  const problems: FieldProblems = {};
  if (context.venue.id !== state.venueId) addProblem(problems, "context", "is another venue");
  if (state.mode === "stay" && change.start !== undefined) {
    addProblem(problems, "start", "a stay is moved by checkIn and checkOut");
  }
  if (state.mode === "slot" && (change.checkIn !== undefined || change.checkOut !== undefined)) {
    addProblem(problems, "start", "a slot is moved by start, not by checkIn/checkOut");
  }
  const resolved = resolveRequest(request, context);
  const invalid = validationFailed(resolved.ok ? problems : { ...problems, ...resolved.problems });
  if (invalid || !resolved.ok) return invalid ?? fieldInvalid("change", "cannot be placed");
  if (state.status !== "pending" && state.status !== "confirmed") {
    return invalidState(state.status, "Only pending and confirmed bookings can be moved.");
  }
  if (hasStarted(state.start, now)) {
    return ruleViolation("IN_PAST", "A booking that has begun cannot be moved.");
  }
  const staff = isStaff(command.actor) || isSystem(command.actor);
  if (
    state.status === "confirmed" &&
    !staff &&
    isWithinCancellationNotice(state.start, context.venue, now)
  ) {
    return ruleViolation("CANCELLATION_NOTICE", "It is too late to move this booking.");
  }
  const { placement, resources } = resolved;
  if (samePlacement(state, placement)) return [];
  const broken = placementRuleFailure(placement, resources, context, now);
  if (broken) return broken;

  const status =
    state.status === "confirmed" &&
    context.venue.policies.approvalRequired &&
    reachesBeyond(state, placement)
      ? "pending"
      : state.status;
  const { mode: _mode, ...moved } = placement;
  const price = context.quote(placement, ruleContext(resources, context, now));
  const data = { ...eventBase(state.bookingId, command.actor, now), ...moved, price, status };
  return [{ type: "BookingRescheduled", data }];
}

/**
 * What the admin approved is the booked time on the booked resources. Anything outside it
 * (an earlier arrival, a later departure, another room) needs approving again; staying
 * shorter, in fewer rooms, or with other guest counts does not.
 */
export function reachesBeyond(approved: BookingPlacement, next: BookingPlacement): boolean {
  return (
    Date.parse(next.start) < Date.parse(approved.start) ||
    Date.parse(next.end) > Date.parse(approved.end) ||
    next.resourceIds.some((id) => !approved.resourceIds.includes(id))
  );
}

function samePlacement(a: BookingPlacement, b: BookingPlacement): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.guests === b.guests &&
    a.resourceIds.length === b.resourceIds.length &&
    a.resourceIds.every((id) => b.resourceIds.includes(id))
  );
}

/** Notes and answers; the answers must stay complete once the booking is requested. */
export function decideEdit(
  command: EditBooking,
  state: ExistingBooking,
  now: Date,
): BookingEvent[] | BookingFailure {
  const problems: FieldProblems = {};
  addProblem(problems, "notes", textProblem(command.notes, false));
  if (command.answers !== undefined) {
    const questions = command.context.offering.questions ?? [];
    answerProblems(problems, command.answers, questions, state.status !== "held");
  }
  const invalid = validationFailed(problems);
  if (invalid) return invalid;
  if (!isBlocking(state.status)) {
    return invalidState(state.status, "This booking can no longer be changed.");
  }
  const changes: Omit<BookingEdited["data"], "bookingId" | "at" | "by"> = {};
  const notes = command.notes === undefined ? undefined : cleanText(command.notes);
  if (notes !== undefined && notes !== state.notes) changes.notes = notes;
  if (command.answers !== undefined && !sameAnswers(command.answers, state.answers)) {
    changes.answers = command.answers;
  }
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: "BookingEdited",
      data: { ...eventBase(state.bookingId, command.actor, now), ...changes },
    },
  ];
}

function sameAnswers(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
