import {
  BOOKING_PERSONAL_FIELDS,
  type BookingCommand,
  type BookingEvent,
  type BookingFailure,
  type BookingState,
  bookingDecider,
  decideBooking,
  foldEvents,
  isBlocking,
  isBookingFailure,
} from "@booking/domain";
import {
  ConcurrencyConflictError,
  type EventStore,
  InlineProjectionError,
  type PlannedWrite,
} from "@booking/eventstore";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";
import { decideAndAppend } from "../events/decide-and-append.ts";
import { enterPlacementQueue, type Placement } from "./placement-queue.ts";

export const bookingStreamId = (bookingId: string) => `booking-${bookingId}`;

export async function loadBooking(store: EventStore, bookingId: string) {
  const events = await store.readStream<BookingEvent>(bookingStreamId(bookingId));
  return { state: foldEvents(bookingDecider, events), version: events.length, events };
}

/** Deadlock and serialization failure: the database rolled this attempt back for another. */
const lostRace = new Set(["40P01", "40001"]);

/**
 * A booking's command through the shared load–decide–append round. The reservations
 * projection runs in the append's transaction, so a booking that would overlap another
 * blocking one fails here with SLOT_UNAVAILABLE and nothing is recorded.
 */
export async function runBookingCommand(
  deps: { store: EventStore; db: Kysely<Database> },
  command: BookingCommand,
  now: Date,
  metadata: { correlationId: string; actor: Record<string, unknown> },
  alsoWrite?: (next: BookingState, version: number) => PlannedWrite[],
): Promise<{ state: BookingState; version: number; events: BookingEvent[] }> {
  // A create names a fresh id: its stream cannot exist, so there is nothing to read (and
  // NO_STREAM still refuses, should the id ever be reused).
  const isCreate = command.type === "HoldBooking" || command.type === "RequestBooking";
  // The placement of the last attempt, to name the taken resources if the constraint refuses it.
  let wanted: BookingState = bookingDecider.initialState;
  try {
    return await decideAndAppend<BookingState, BookingEvent>(
      deps.store,
      bookingStreamId(command.bookingId),
      {
        load: (attempt) =>
          isCreate && attempt === 1
            ? Promise.resolve({ state: bookingDecider.initialState, version: 0 })
            : loadBooking(deps.store, command.bookingId),
        decide: (state) => {
          const decision = decideBooking(command, state, now);
          if (isBookingFailure(decision)) throw bookingFailureToAppError(decision);
          return decision;
        },
        evolve: bookingDecider.evolve,
        toStored: (event, next) => {
          wanted = next;
          return { ...event, personal: personalData(event, next) };
        },
        ...(alsoWrite ? { alsoWrite } : {}),
        queue: async (state, next) => {
          const placement = newPlacement(state, next);
          if (!placement) return undefined;
          const turn = await enterPlacementQueue(placement);
          if (turn.kind === "taken") throw timeTaken(turn.resourceIds);
          return turn.leave;
        },
      },
      metadata,
    );
  } catch (error) {
    if (error instanceof InlineProjectionError && error.sqlState === "23P01") {
      throw await slotUnavailable(deps.db, wanted);
    }
    // Still deadlocked after the event store's retries: a crowd is inserting rows that
    // overlap this one under the exclusion constraint, and each deadlock has a winner
    // holding the time. For the caller that is a taken slot (409, worth trying another
    // resource or time), not a server failure.
    if (error instanceof InlineProjectionError && lostRace.has(error.sqlState ?? "")) {
      throw await slotUnavailable(deps.db, wanted);
    }
    if (error instanceof ConcurrencyConflictError) {
      throw new AppError("CONCURRENCY_CONFLICT", "The booking changed meanwhile; try again.");
    }
    throw error;
  }
}

/**
 * The blocking reservations this change inserts: a new booking's, or a moved one's.
 * Confirming, cancelling or editing places nothing new and waits for nobody; a booking that
 * ends the change without blocking (cancelled in the same append) holds no time that a
 * waiter could be refused for.
 */
function newPlacement(state: BookingState, next: BookingState): Placement | undefined {
  if (!("blockedStart" in next) || !isBlocking(next.status)) return undefined;
  const moved =
    !("blockedStart" in state) ||
    state.blockedStart !== next.blockedStart ||
    state.blockedEnd !== next.blockedEnd ||
    state.resourceIds.join() !== next.resourceIds.join();
  if (!moved) return undefined;
  return {
    resourceIds: next.resourceIds,
    start: Date.parse(next.blockedStart),
    end: Date.parse(next.blockedEnd),
  };
}

/**
 * A guest's contact, notes and answers are personal data: of the member who booked (so
 * erasing the member shreds them) or, for guests, of the booking itself (an admin erases
 * a guest's data by the booking's id).
 */
function personalData(event: BookingEvent, state: BookingState) {
  if (!("bookedBy" in state)) return undefined;
  // Only fields that say something: a member's booking without notes or answers carries
  // nothing personal, so it needs neither their key nor the round trip to load it.
  const fields = BOOKING_PERSONAL_FIELDS[event.type].filter((path) =>
    saysSomething(valueAt(event.data, path)),
  );
  if (fields.length === 0) return undefined;
  const subjectId = "userId" in state.bookedBy ? state.bookedBy.userId : state.bookingId;
  return { subjectId, fields };
}

function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function saysSomething(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

export function bookingFailureToAppError(failure: BookingFailure): AppError {
  if (failure.code === "FORBIDDEN" && !failure.details.visible) {
    return new AppError("NOT_FOUND", "No such booking.");
  }
  if (failure.code === "FORBIDDEN") return new AppError("FORBIDDEN", failure.message);
  return new AppError(failure.code, failure.message, { details: failure.details });
}

function timeTaken(resourceIds: string[]): AppError {
  return new AppError("SLOT_UNAVAILABLE", "The requested time is no longer available.", {
    details: { resourceIds },
  });
}

async function slotUnavailable(db: Kysely<Database>, wanted: BookingState): Promise<AppError> {
  const resourceIds = "resourceIds" in wanted ? [...wanted.resourceIds] : [];
  if (!("blockedStart" in wanted)) return new AppError("SLOT_UNAVAILABLE", "The time is taken.");
  const rows = await db
    .selectFrom("reservations")
    .select("resource_id")
    .distinct()
    .where("blocking", "=", true)
    .where((eb) => eb("resource_id", "=", eb.fn.any(sql<string[]>`${resourceIds}::uuid[]`)))
    .where("period", "&&", sql<string>`tstzrange(${wanted.blockedStart}, ${wanted.blockedEnd})`)
    .where("booking_id", "<>", wanted.bookingId)
    .execute();
  return timeTaken(rows.length > 0 ? rows.map((row) => row.resource_id) : resourceIds);
}
