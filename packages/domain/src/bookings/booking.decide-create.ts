import type { Venue } from "../catalog/catalog.types.ts";
import { type BookingActor, historyActor } from "./booking.actor.ts";
import type { CreateBooking } from "./booking.commands.ts";
import {
  type BookingFailure,
  fieldInvalid,
  forbidden,
  invalidState,
  validationFailed,
} from "./booking.errors.ts";
import type { BookingConfirmed, BookingEvent, BookingRequested } from "./booking.events.ts";
import { mayBookFor } from "./booking.permissions.ts";
import { resolveRequest } from "./booking.placement.ts";
import type { BookingDetails } from "./booking.request.ts";
import { type BookingState, bookingExists } from "./booking.state.ts";
import { holdExpiry, placementRuleFailure, ruleContext } from "./booking.timing.ts";
import {
  addProblem,
  answerProblems,
  bookedByProblems,
  cleanText,
  type FieldProblems,
  textProblem,
} from "./booking.validation.ts";

/**
 * A new booking, held or requested. Order of checks everywhere: who may act (FORBIDDEN), the
 * data (VALIDATION_FAILED), the status (INVALID_STATE), then the rules (RULE_VIOLATION).
 */
export function decideCreate(
  command: CreateBooking,
  state: BookingState,
  now: Date,
): BookingEvent[] | BookingFailure {
  const { bookingId, actor, request, bookedBy, context } = command;
  if (!mayBookFor(actor, bookedBy, bookingId)) {
    return forbidden("You may book only for yourself.");
  }
  const problems: FieldProblems = {};
  if (bookingId.trim() === "") addProblem(problems, "bookingId", "must not be empty");
  bookedByProblems(problems, bookedBy);
  addProblem(problems, "notes", textProblem(command.notes, false));
  const answers = command.answers ?? {};
  const complete = command.type === "RequestBooking";
  answerProblems(problems, answers, context.offering.questions ?? [], complete);
  const resolved = resolveRequest(request, context);
  const invalid = validationFailed(resolved.ok ? problems : { ...problems, ...resolved.problems });
  if (invalid || !resolved.ok) return invalid ?? fieldInvalid("request", "cannot be placed");
  if (bookingExists(state)) return invalidState(state.status, "This booking exists already.");

  const { placement, resources } = resolved;
  const broken = placementRuleFailure(placement, resources, context, now);
  if (broken) return broken;
  const details: BookingDetails = {
    ...placement,
    venueId: context.venue.id,
    offeringId: context.offering.id,
    price: context.quote(placement, ruleContext(resources, context, now)),
    bookedBy,
    notes: cleanText(command.notes),
    answers,
  };
  const base = eventBase(bookingId, actor, now);
  if (command.type === "HoldBooking") {
    const holdExpiresAt = holdExpiry(context.venue, now);
    return [{ type: "BookingHeld", data: { ...base, ...details, holdExpiresAt } }];
  }
  return requestedEvents({ ...base, ...details, submittedHold: false }, context.venue);
}

export function eventBase(bookingId: string, actor: BookingActor, now: Date) {
  return { bookingId, at: now.toISOString(), by: historyActor(actor) };
}

/**
 * A request is recorded as pending. Where the venue needs no approval, its policy confirms
 * it at once: a `BookingConfirmed` by the system in the same decision, so the history shows
 * the request by its booker and the confirmation by nobody's judgement.
 */
export function requestedEvents(
  data: Omit<BookingRequested["data"], "status">,
  venue: Venue,
): BookingEvent[] {
  const requested: BookingRequested = {
    type: "BookingRequested",
    data: { ...data, status: "pending" },
  };
  if (venue.policies.approvalRequired) return [requested];
  const confirmed: BookingConfirmed = {
    type: "BookingConfirmed",
    data: { bookingId: data.bookingId, at: data.at, by: { system: true } },
  };
  return [requested, confirmed];
}
