import type { Resource } from "../catalog/catalog.types.ts";
import { isLocalDate, parseInstant, zonedInstant } from "./booking.local-time.ts";
import type { BookingPlacement, BookingRequest } from "./booking.request.ts";
import type { BookingContext } from "./booking.rule-check.ts";
import { addProblem, type FieldProblems } from "./booking.validation.ts";

const MINUTE = 60_000;

export type ResolvedRequest =
  | { ok: true; placement: BookingPlacement; resources: Resource[] }
  | { ok: false; problems: FieldProblems };

/**
 * Checks the request's shape against the offering (VALIDATION_FAILED: wrong mode's fields,
 * check-out not after check-in, resources that are not active ones of the offering) and
 * places it in time: a stay from check-in time on its first date to check-out time on its
 * last, in the venue's zone; a slot for its duration, blocking its buffers too.
 */
export function resolveRequest(
  request: BookingRequest,
  context: Pick<BookingContext, "venue" | "offering" | "resources">,
): ResolvedRequest {
  const { venue, offering } = context;
  const problems: FieldProblems = {};
  if (request.offeringId !== offering.id || offering.venueId !== venue.id) {
    addProblem(problems, "offeringId", "does not match the loaded offering and venue");
  }
  if (!Number.isInteger(request.guests) || request.guests < 1) {
    addProblem(problems, "guests", "must be a whole number of at least 1");
  }
  const resources = resolveResources(request, context, problems);
  const common = { resourceIds: [...request.resourceIds], guests: request.guests };
  if (offering.mode === "stay") {
    const period = stayPeriod(request, problems);
    if (period === null || Object.keys(problems).length > 0) return { ok: false, problems };
    const start = zonedInstant(period.checkIn, offering.stay.checkInTime, venue.timeZone);
    const end = zonedInstant(period.checkOut, offering.stay.checkOutTime, venue.timeZone);
    // Check-out at 10:00 and the next check-in at 15:00 share a date but not an instant.
    const blocked = { blockedStart: start, blockedEnd: end };
    const placement: BookingPlacement = {
      mode: "stay",
      ...common,
      ...period,
      start,
      end,
      ...blocked,
    };
    return { ok: true, placement, resources };
  }
  const slot = slotStart(request, problems);
  if (slot === null || Object.keys(problems).length > 0) return { ok: false, problems };
  const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes } = offering.slot;
  const start = slot.getTime();
  const end = start + durationMinutes * MINUTE;
  const placement: BookingPlacement = {
    mode: "slot",
    ...common,
    checkIn: null,
    checkOut: null,
    start: iso(start),
    end: iso(end),
    blockedStart: iso(start - bufferBeforeMinutes * MINUTE),
    blockedEnd: iso(end + bufferAfterMinutes * MINUTE),
  };
  return { ok: true, placement, resources };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function resolveResources(
  request: BookingRequest,
  { venue, offering, resources }: Pick<BookingContext, "venue" | "offering" | "resources">,
  problems: FieldProblems,
): Resource[] {
  const ids = request.resourceIds;
  if (ids.length === 0) addProblem(problems, "resourceIds", "must name at least one resource");
  if (new Set(ids).size !== ids.length) addProblem(problems, "resourceIds", "must not repeat");
  // One resource serves one appointment: the api picks a free one when the caller did not.
  if (offering.mode === "slot" && ids.length > 1) {
    addProblem(problems, "resourceIds", "a slot books exactly one resource");
  }
  const found: Resource[] = [];
  for (const id of new Set(ids)) {
    const resource = resources.find((r) => r.id === id);
    if (!resource || !offering.resourceIds.includes(id) || resource.venueId !== venue.id) {
      addProblem(problems, "resourceIds", `${id} is not a resource of this offering`);
    } else if (!resource.active) {
      addProblem(problems, "resourceIds", `${id} is retired`);
    } else {
      found.push(resource);
    }
  }
  return found;
}

function stayPeriod(
  request: BookingRequest,
  problems: FieldProblems,
): { checkIn: string; checkOut: string } | null {
  const { checkIn, checkOut, start } = request;
  if (start !== undefined)
    addProblem(problems, "start", "a stay is booked by checkIn and checkOut");
  if (checkIn === undefined || !isLocalDate(checkIn)) {
    addProblem(problems, "checkIn", "must be a date YYYY-MM-DD");
  }
  if (checkOut === undefined || !isLocalDate(checkOut)) {
    addProblem(problems, "checkOut", "must be a date YYYY-MM-DD");
  }
  if (checkIn === undefined || checkOut === undefined || problems.checkIn || problems.checkOut) {
    return null;
  }
  // ISO dates compare as strings.
  if (checkOut <= checkIn) addProblem(problems, "checkOut", "must be after checkIn");
  return { checkIn, checkOut };
}

function slotStart(request: BookingRequest, problems: FieldProblems): Date | null {
  if (request.checkIn !== undefined || request.checkOut !== undefined) {
    addProblem(problems, "start", "a slot is booked by start, not by checkIn/checkOut");
  }
  const start = request.start === undefined ? null : parseInstant(request.start);
  if (start === null) addProblem(problems, "start", "must be an instant with a time zone");
  return start;
}
