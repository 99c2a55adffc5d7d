import { randomUUID } from "node:crypto";
import type {
  BookingDto,
  CreateBookingInput,
  SubmitHoldInput,
  UpdateBookingInput,
} from "@booking/contracts";
import {
  type BookingState,
  bookingExists,
  type CreateBooking,
  type StatusChange,
} from "@booking/domain";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { getBooking } from "./booking.queries.ts";
import { bookingActor, creatingActor, requireGuestOnlyWhenAnonymous } from "./booking-actor.ts";
import { bookingContext, cachedCatalog } from "./booking-context.ts";
import { toBookingDto } from "./booking-dto.ts";
import { runBookingCommand } from "./booking-stream.ts";
import { freeSlotResources } from "./free-resources.ts";
import type { RecordOutcome } from "./idempotency.ts";
import { manageTokenFor } from "./manage-token.ts";

export interface CreatedBooking {
  booking: BookingDto;
  manageToken?: string;
}

/** Who the event store records as acting: a user, or a guest (with or without a token). */
function metadata(ctx: AppContext) {
  const { principal } = ctx;
  const actor = principal.kind === "user" ? { userId: principal.userId } : { guest: true };
  return { correlationId: ctx.requestId, actor };
}

/**
 * POST /holds and POST /bookings with a create body. A slot booking without resources gets
 * the first free eligible one; losing a race for it moves on to the next. `record` stores
 * the answer with the events (an Idempotency-Key's outcome, see idempotency.ts).
 */
export async function createBooking(
  ctx: AppContext,
  body: CreateBookingInput,
  kind: CreateBooking["type"],
  record?: RecordOutcome<CreatedBooking>,
): Promise<CreatedBooking> {
  const bookedBy = bookedByOf(ctx, body.guest);
  const catalog = await cachedCatalog(ctx.deps, body.offeringId);
  const bookingId = randomUUID();
  const actor = creatingActor(ctx.principal, bookingId);
  const now = ctx.now();
  const candidates =
    body.resourceIds ??
    (catalog.offering.mode === "slot" && body.start
      ? await freeSlotResources(
          ctx.deps.database.db,
          catalog.offering,
          catalog.resources,
          body.start,
          body.guests,
        )
      : []);
  if (candidates.length === 0 && catalog.offering.mode === "slot" && !body.resourceIds) {
    throw new AppError("SLOT_UNAVAILABLE", "No resource is free at that time.", {
      details: { resourceIds: [] },
    });
  }
  // Any free resource will do: each request tries them in its own random order, so that a
  // crowd asking for the same time spreads over the bays instead of all racing for the
  // first one (and deadlocking in its exclusion constraint) before trying the next.
  const attempts = body.resourceIds ? [body.resourceIds] : shuffled(candidates).map((id) => [id]);
  let lastError: unknown;
  for (const resourceIds of attempts.length > 0 ? attempts : [[]]) {
    const common = {
      bookingId,
      actor,
      request: {
        offeringId: body.offeringId,
        resourceIds,
        ...(body.checkIn ? { checkIn: body.checkIn } : {}),
        ...(body.checkOut ? { checkOut: body.checkOut } : {}),
        ...(body.start ? { start: body.start } : {}),
        guests: body.guests,
      },
      bookedBy,
      notes: body.notes ?? null,
      answers: body.answers ?? {},
      context: bookingContext(catalog),
    };
    const command: CreateBooking =
      kind === "HoldBooking"
        ? { type: "HoldBooking", ...common }
        : { type: "RequestBooking", ...common };
    const answer = answerOnce((state, version) => createdAnswer(ctx, state, version));
    try {
      const { state, version } = await runBookingCommand(
        { store: ctx.deps.eventStore, db: ctx.deps.database.db },
        command,
        now,
        metadata(ctx),
        record && ((next, nextVersion) => [record(answer(next, nextVersion))]),
      );
      return answer(state, version);
    } catch (error) {
      lastError = error;
      const retryable =
        !body.resourceIds && error instanceof AppError && error.code === "SLOT_UNAVAILABLE";
      if (!retryable) throw error;
    }
  }
  throw lastError;
}

/** Signed-in people book as themselves; everyone else as a guest with a contact. */
function bookedByOf(ctx: AppContext, guest: CreateBookingInput["guest"]) {
  requireGuestOnlyWhenAnonymous(ctx.principal, guest !== undefined);
  if (ctx.principal.kind === "user") return { userId: ctx.principal.userId };
  if (!guest) throw new Error("unreachable: a guest is required without login");
  return { guest };
}

/**
 * The answer to a create or a submit, worked out once: when it is recorded with the events
 * (an Idempotency-Key's outcome), the caller gets the very answer that was stored, manage
 * token included.
 */
function answerOnce(
  build: (state: BookingState, version: number) => CreatedBooking,
): (state: BookingState, version: number) => CreatedBooking {
  let built: { version: number; answer: CreatedBooking } | undefined;
  return (state, version) => {
    if (built?.version !== version) built = { version, answer: build(state, version) };
    return built.answer;
  };
}

function createdAnswer(ctx: AppContext, state: BookingState, version: number): CreatedBooking {
  if (!bookingExists(state)) throw new AppError("NOT_FOUND", "No such booking.");
  const booking = toBookingDto(state, version);
  if (!("guest" in state.bookedBy)) return { booking };
  return { booking, manageToken: manageTokenFor(ctx.deps.secrets, state.bookingId, state.end) };
}

/**
 * POST /bookings {holdId}: the held booking becomes a request (same id). `record` stores
 * the answer with the events (an Idempotency-Key's outcome, see idempotency.ts).
 */
export async function submitHold(
  ctx: AppContext,
  input: SubmitHoldInput,
  record?: RecordOutcome<CreatedBooking>,
): Promise<CreatedBooking> {
  const answer = answerOnce((state, version) => {
    if (!bookingExists(state)) throw new AppError("NOT_FOUND", "No such booking.");
    return { booking: toBookingDto(state, version) };
  });
  const booking = await requireBookingRow(ctx, input.holdId);
  const catalog = await cachedCatalog(ctx.deps, booking.offeringId);
  const { state, version } = await runBookingCommand(
    { store: ctx.deps.eventStore, db: ctx.deps.database.db },
    {
      type: "SubmitHold",
      bookingId: input.holdId,
      actor: bookingActor(ctx.principal),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.answers !== undefined ? { answers: input.answers } : {}),
      ...(input.guest ? { guest: input.guest } : {}),
      context: { venue: catalog.venue, offering: catalog.offering },
    },
    ctx.now(),
    metadata(ctx),
    record && ((next, nextVersion) => [record(answer(next, nextVersion))]),
  );
  return answer(state, version);
}

/** Staff decisions that need no catalog: confirm, reject, no-show. */
export async function changeBookingStatus(
  ctx: AppContext,
  bookingId: string,
  change: StatusChange,
): Promise<BookingDto> {
  await requireBookingRow(ctx, bookingId);
  const { state, version } = await runBookingCommand(
    { store: ctx.deps.eventStore, db: ctx.deps.database.db },
    { ...change, bookingId, actor: bookingActor(ctx.principal) },
    ctx.now(),
    metadata(ctx),
  );
  if (!bookingExists(state)) throw new AppError("NOT_FOUND", "No such booking.");
  return toBookingDto(state, version);
}

export async function cancelBooking(
  ctx: AppContext,
  bookingId: string,
  reason: string | undefined,
) {
  const booking = await requireBookingRow(ctx, bookingId);
  const catalog = await cachedCatalog(ctx.deps, booking.offeringId);
  const { state, version } = await runBookingCommand(
    { store: ctx.deps.eventStore, db: ctx.deps.database.db },
    {
      type: "CancelBooking",
      bookingId,
      actor: bookingActor(ctx.principal),
      reason: reason ?? null,
      context: { venue: catalog.venue },
    },
    ctx.now(),
    metadata(ctx),
  );
  if (!bookingExists(state)) throw new AppError("NOT_FOUND", "No such booking.");
  return toBookingDto(state, version);
}

/**
 * PATCH: one change, decided and recorded as a whole — a move (dates, start, rooms,
 * guests), notes and answers together, or nothing at all when any part is refused.
 */
export async function updateBooking(ctx: AppContext, bookingId: string, patch: UpdateBookingInput) {
  const booking = await requireBookingRow(ctx, bookingId);
  const catalog = await cachedCatalog(ctx.deps, booking.offeringId);
  const { notes, answers, ...moveFields } = patch;
  const move = Object.fromEntries(
    Object.entries(moveFields).filter(([, value]) => value !== undefined),
  );
  await runBookingCommand(
    { store: ctx.deps.eventStore, db: ctx.deps.database.db },
    {
      type: "ChangeBooking",
      bookingId,
      actor: bookingActor(ctx.principal),
      ...(Object.keys(move).length > 0 ? { move } : {}),
      ...(notes !== undefined ? { notes } : {}),
      ...(answers !== undefined ? { answers } : {}),
      context: bookingContext(catalog),
    },
    ctx.now(),
    metadata(ctx),
  );
  return getBooking(ctx, bookingId);
}

async function requireBookingRow(ctx: AppContext, bookingId: string) {
  const row = await ctx.deps.database.db
    .selectFrom("bookings")
    .select("offering_id")
    .where("id", "=", bookingId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "No such booking.");
  return { offeringId: row.offering_id };
}

/** A copy in random order (Fisher–Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
