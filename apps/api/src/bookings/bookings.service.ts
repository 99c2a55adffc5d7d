import { randomUUID } from "node:crypto";
import type { BookingDto } from "@booking/contracts";
import { type BookingCommand, bookingExists, type ExistingBooking } from "@booking/domain";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { signToken } from "../identity/signed-token.ts";
import { getBooking } from "./booking.queries.ts";
import { bookingActor, creatingActor, requireGuestOnlyWhenAnonymous } from "./booking-actor.ts";
import { bookingContext, cachedCatalog } from "./booking-context.ts";
import { toBookingDto } from "./booking-dto.ts";
import { runBookingCommand } from "./booking-stream.ts";
import { freeSlotResources } from "./free-resources.ts";

export interface CreateBookingBody {
  offeringId: string;
  resourceIds?: string[] | undefined;
  checkIn?: string | undefined;
  checkOut?: string | undefined;
  start?: string | undefined;
  guests: number;
  notes?: string | undefined;
  answers?: Record<string, string | number> | undefined;
  guest?: { name: string; email: string; phone: string } | undefined;
}

export interface CreatedBooking {
  booking: BookingDto;
  manageToken?: string;
}

function metadata(ctx: AppContext) {
  const { principal } = ctx;
  const actor =
    principal.kind === "user"
      ? { userId: principal.userId }
      : principal.kind === "guest"
        ? { guest: true }
        : { guest: true };
  return { correlationId: ctx.requestId, actor };
}

/**
 * POST /holds and POST /bookings with a create body. A slot booking without resources gets
 * the first free eligible one; losing a race for it moves on to the next.
 */
export async function createBooking(
  ctx: AppContext,
  body: CreateBookingBody,
  kind: "HoldBooking" | "RequestBooking",
): Promise<CreatedBooking> {
  const bookedBy = bookedByOf(ctx, body.guest);
  const pool = ctx.deps.database.pool;
  const catalog = await cachedCatalog(ctx.deps, body.offeringId);
  const bookingId = randomUUID();
  const actor = creatingActor(ctx.principal, bookingId);
  const now = ctx.now();
  const candidates =
    body.resourceIds ??
    (catalog.offering.mode === "slot" && body.start
      ? await freeSlotResources(pool, catalog.offering, catalog.resources, body.start, body.guests)
      : []);
  if (candidates.length === 0 && catalog.offering.mode === "slot" && !body.resourceIds) {
    throw new AppError("SLOT_UNAVAILABLE", "No resource is free at that time.", {
      details: { resourceIds: [] },
    });
  }
  const attempts = body.resourceIds ? [body.resourceIds] : candidates.map((id) => [id]);
  let lastError: unknown;
  for (const resourceIds of attempts.length > 0 ? attempts : [[]]) {
    const command = {
      type: kind,
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
    } as BookingCommand;
    try {
      const { state, version } = await runBookingCommand(
        { store: ctx.deps.eventStore, pool },
        command,
        now,
        metadata(ctx),
      );
      if (!bookingExists(state)) throw new Error("a created booking must exist");
      return withManageToken(ctx, toBookingDto(state, version), state);
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
function bookedByOf(ctx: AppContext, guest: CreateBookingBody["guest"]) {
  requireGuestOnlyWhenAnonymous(ctx.principal, guest !== undefined);
  if (ctx.principal.kind === "user") return { userId: ctx.principal.userId };
  if (!guest) throw new Error("unreachable: a guest is required without login");
  return { guest };
}

function withManageToken(
  ctx: AppContext,
  booking: BookingDto,
  state: ExistingBooking,
): CreatedBooking {
  if (!("guest" in state.bookedBy)) return { booking };
  // Valid until well after the booking ended, so a guest can still fetch the .ics or receipt.
  const expiresAt = Math.floor(Date.parse(state.end) / 1000) + 90 * 24 * 3600;
  const manageToken = signToken(ctx.deps.secrets.tokenSigningKey, "manage", {
    id: randomUUID(),
    subject: state.bookingId,
    expiresAt,
  });
  return { booking, manageToken };
}

/** POST /bookings {holdId}: the held booking becomes a request (same id). */
export async function submitHold(
  ctx: AppContext,
  input: {
    holdId: string;
    notes?: string | undefined;
    guest?: { name: string; email: string; phone: string } | undefined;
  },
): Promise<CreatedBooking> {
  const pool = ctx.deps.database.pool;
  const booking = await requireBookingRow(ctx, input.holdId);
  const catalog = await cachedCatalog(ctx.deps, booking.offeringId);
  const { state, version } = await runBookingCommand(
    { store: ctx.deps.eventStore, pool },
    {
      type: "SubmitHold",
      bookingId: input.holdId,
      actor: bookingActor(ctx.principal),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.guest ? { guest: input.guest } : {}),
      context: { venue: catalog.venue, offering: catalog.offering },
    },
    ctx.now(),
    metadata(ctx),
  );
  if (!bookingExists(state)) throw new AppError("NOT_FOUND", "No such booking.");
  return { booking: toBookingDto(state, version) };
}

/** Staff decisions that need no catalog: confirm, reject, no-show. */
export async function changeBookingStatus(
  ctx: AppContext,
  bookingId: string,
  change:
    | { type: "ConfirmBooking" }
    | { type: "RejectBooking"; reason: string }
    | { type: "MarkNoShow" },
): Promise<BookingDto> {
  await requireBookingRow(ctx, bookingId);
  const { state, version } = await runBookingCommand(
    { store: ctx.deps.eventStore, pool: ctx.deps.database.pool },
    { ...change, bookingId, actor: bookingActor(ctx.principal) } as BookingCommand,
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
  const pool = ctx.deps.database.pool;
  const booking = await requireBookingRow(ctx, bookingId);
  const catalog = await cachedCatalog(ctx.deps, booking.offeringId);
  const { state, version } = await runBookingCommand(
    { store: ctx.deps.eventStore, pool },
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

/** PATCH: a move (dates, start, rooms, guests) is a reschedule; notes alone are an edit. */
export async function updateBooking(
  ctx: AppContext,
  bookingId: string,
  patch: {
    checkIn?: string | undefined;
    checkOut?: string | undefined;
    start?: string | undefined;
    resourceIds?: string[] | undefined;
    guests?: number | undefined;
    notes?: string | null | undefined;
  },
) {
  const pool = ctx.deps.database.pool;
  const booking = await requireBookingRow(ctx, bookingId);
  const catalog = await cachedCatalog(ctx.deps, booking.offeringId);
  const actor = bookingActor(ctx.principal);
  const deps = { store: ctx.deps.eventStore, pool };
  const { notes, ...move } = patch;
  const change = Object.fromEntries(
    Object.entries(move).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(change).length > 0) {
    await runBookingCommand(
      deps,
      { type: "RescheduleBooking", bookingId, actor, change, context: bookingContext(catalog) },
      ctx.now(),
      metadata(ctx),
    );
  }
  if (notes !== undefined) {
    await runBookingCommand(
      deps,
      { type: "EditBooking", bookingId, actor, notes, context: { offering: catalog.offering } },
      ctx.now(),
      metadata(ctx),
    );
  }
  return getBooking(ctx, bookingId);
}

async function requireBookingRow(ctx: AppContext, bookingId: string) {
  const { rows } = await ctx.deps.database.pool.query<{ offering_id: string }>(
    "SELECT offering_id FROM bookings WHERE id = $1",
    [bookingId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such booking.");
  return { offeringId: row.offering_id };
}
