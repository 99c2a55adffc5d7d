import { isStaff, isSystem } from "./booking.actor.ts";
import type { BookingMove, ChangeBooking } from "./booking.commands.ts";
import { eventBase } from "./booking.decide-create.ts";
import {
  type BookingFailure,
  fieldInvalid,
  invalidState,
  ruleViolation,
  validationFailed,
} from "./booking.errors.ts";
import type { BookingEdited, BookingEvent, BookingRescheduled } from "./booking.events.ts";
import { type ResolvedRequest, resolveRequest } from "./booking.placement.ts";
import type { BookingPlacement, BookingRequest } from "./booking.request.ts";
import type { BookingContext } from "./booking.rule-check.ts";
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
 * Changes a booking in one decision: a move and new details (notes, answers) are recorded
 * together (`BookingRescheduled`, then `BookingEdited`) or not at all. Checks run in the usual
 * order over both parts: every data problem of either part (VALIDATION_FAILED), the status
 * (INVALID_STATE), then the move's rules (RULE_VIOLATION). Parts that change nothing record
 * nothing.
 *
 * Details may change while the booking holds its resources; answers must be complete once
 * it is requested. A move is checked like a new request (the reservations projection
 * re-checks the resources in the same transaction). Holds are not moved (a new hold is as
 * quick), and a booking that has begun is not either. For bookers, moving a confirmed
 * booking inside the cancellation notice is as late as cancelling it.
 */
export function decideChange(
  command: ChangeBooking,
  state: ExistingBooking,
  now: Date,
): BookingEvent[] | BookingFailure {
  const { context } = command;
  const problems: FieldProblems = {};
  if (context.venue.id !== state.venueId || context.offering.id !== state.offeringId) {
    addProblem(problems, "context", "does not match the booking's venue and offering");
  }
  addProblem(problems, "notes", textProblem(command.notes, false));
  if (command.answers !== undefined) {
    const questions = context.offering.questions ?? [];
    answerProblems(problems, command.answers, questions, state.status !== "held");
  }
  const resolved = movesAnything(command.move)
    ? resolveMove(command.move, state, context, problems)
    : null;
  const invalid = validationFailed(problems);
  if (invalid) return invalid;
  if (resolved && !resolved.ok) return fieldInvalid("move", "cannot be placed");

  const events: BookingEvent[] = [];
  if (resolved) {
    const moved = decideMove(command, state, resolved, now);
    if (moved && "code" in moved) return moved;
    if (moved) events.push(moved);
  } else if (!isBlocking(state.status)) {
    return invalidState(state.status, "This booking can no longer be changed.");
  }
  const edited = editedDetails(command, state, now);
  if (edited) events.push(edited);
  return events;
}

function movesAnything(move: BookingMove | undefined): move is BookingMove {
  return move !== undefined && Object.values(move).some((value) => value !== undefined);
}

/** The booking as it would be after the move; the mode's wrong fields are data problems. */
function resolveMove(
  move: BookingMove,
  state: ExistingBooking,
  context: BookingContext,
  problems: FieldProblems,
): ResolvedRequest {
  if (state.mode === "stay" && move.start !== undefined) {
    addProblem(problems, "start", "a stay is moved by checkIn and checkOut");
  }
  if (state.mode === "slot" && (move.checkIn !== undefined || move.checkOut !== undefined)) {
    addProblem(problems, "start", "a slot is moved by start, not by checkIn/checkOut");
  }
  const request: BookingRequest = {
    offeringId: state.offeringId,
    resourceIds: move.resourceIds ?? state.resourceIds,
    guests: move.guests ?? state.guests,
    ...(state.mode === "stay"
      ? {
          checkIn: move.checkIn ?? state.checkIn ?? "",
          checkOut: move.checkOut ?? state.checkOut ?? "",
        }
      : { start: move.start ?? state.start }),
  };
  const resolved = resolveRequest(request, context);
  if (!resolved.ok) {
    for (const [field, messages] of Object.entries(resolved.problems)) {
      for (const message of messages) addProblem(problems, field, message);
    }
  }
  return resolved;
}

/** The move's event, null when it lands where the booking is, or why it is refused. */
function decideMove(
  command: ChangeBooking,
  state: ExistingBooking,
  { placement, resources }: Extract<ResolvedRequest, { ok: true }>,
  now: Date,
): BookingRescheduled | BookingFailure | null {
  const { actor, context } = command;
  const { status } = state;
  if (status !== "pending" && status !== "confirmed") {
    return invalidState(status, "Only pending and confirmed bookings can be moved.");
  }
  if (hasStarted(state.start, now)) {
    return ruleViolation("IN_PAST", "A booking that has begun cannot be moved.");
  }
  const staff = isStaff(actor) || isSystem(actor);
  if (
    status === "confirmed" &&
    !staff &&
    isWithinCancellationNotice(state.start, context.venue, now)
  ) {
    return ruleViolation("CANCELLATION_NOTICE", "It is too late to move this booking.");
  }
  if (samePlacement(state, placement)) return null;
  const broken = placementRuleFailure(placement, resources, context, now);
  if (broken) return broken;

  const reapprove =
    status === "confirmed" &&
    context.venue.policies.approvalRequired &&
    reachesBeyond(state, placement);
  const next: BookingRescheduled["data"]["status"] = reapprove ? "pending" : status;
  const { mode: _mode, ...moved } = placement;
  const price = context.quote(placement, ruleContext(resources, context, now));
  const data = { ...eventBase(state.bookingId, actor, now), ...moved, price, status: next };
  return { type: "BookingRescheduled", data };
}

/**
 * What the admin approved is the booked time on the booked resources. Anything outside it
 * (an earlier arrival, a later departure, another room) needs approving again; staying
 * shorter, in fewer rooms, or with other guest counts does not.
 */
function reachesBeyond(approved: BookingPlacement, next: BookingPlacement): boolean {
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

/** Only the details that differ from the booking's; none: no event. */
function editedDetails(
  command: ChangeBooking,
  state: ExistingBooking,
  now: Date,
): BookingEdited | null {
  const changes: Omit<BookingEdited["data"], "bookingId" | "at" | "by"> = {};
  const notes = command.notes === undefined ? undefined : cleanText(command.notes);
  if (notes !== undefined && notes !== state.notes) changes.notes = notes;
  if (command.answers !== undefined && !sameAnswers(command.answers, state.answers)) {
    changes.answers = command.answers;
  }
  if (Object.keys(changes).length === 0) return null;
  return {
    type: "BookingEdited",
    data: { ...eventBase(state.bookingId, command.actor, now), ...changes },
  };
}

function sameAnswers(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
