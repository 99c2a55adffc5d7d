import type { BookingDto } from "@booking/contracts";
import {
  type BookingEvent,
  bookingExists,
  type ExistingBooking,
  type historyActor,
  mayOpen,
} from "@booking/domain";
import { findEntity } from "../catalog/catalog.queries.ts";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { decodeCursor, encodeCursor, timeAndIdCursor } from "../users/cursor.ts";
import { bookingActor } from "./booking-actor.ts";
import { toBookingDto } from "./booking-dto.ts";
import { bookingIcs } from "./booking-ics.ts";
import { loadBooking } from "./booking-stream.ts";

interface BookingRow {
  data: ExistingBooking;
  version: number;
}

/** A booking and its history, oldest first; someone else's booking is "not found". */
export async function getBooking(ctx: AppContext, bookingId: string) {
  const actor = bookingActor(ctx.principal);
  const { state, version, events } = await loadBooking(ctx.deps.eventStore, bookingId);
  if (!bookingExists(state) || !mayOpen(actor, state))
    throw new AppError("NOT_FOUND", "No such booking.");
  return {
    booking: toBookingDto(state, version),
    history: events.map((event) => historyEntry(event)),
  };
}

function historyEntry(event: BookingEvent & { recordedAt: Date }) {
  const data = event.data as { by?: Parameters<typeof historyActor>[0]; reason?: unknown };
  const actor = data.by ?? { system: true as const };
  return {
    type: event.type,
    at: event.recordedAt.toISOString(),
    actor:
      "userId" in actor
        ? { userId: actor.userId }
        : "guest" in actor
          ? { guest: true as const }
          : { system: true as const },
    ...(typeof data.reason === "string" ? { reason: data.reason } : {}),
  };
}

/** Members see their own bookings, staff all; by start, then id (keyset paging). */
export async function listBookings(
  ctx: AppContext,
  query: {
    status?: string | undefined;
    venueId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: BookingDto[]; nextCursor: string | null }> {
  const actor = bookingActor(ctx.principal);
  if (!("userId" in actor)) throw new AppError("FORBIDDEN", "Log in to list bookings.");
  const staff = actor.role === "admin" || actor.role === "owner";
  const after = query.cursor ? decodeCursor(query.cursor, timeAndIdCursor) : undefined;
  const { rows } = await ctx.deps.database.pool.query<BookingRow & { start_at: Date; id: string }>(
    `SELECT data, version, start_at, id FROM bookings
     WHERE ($1::uuid IS NULL OR user_id = $1)
       AND ($2::text IS NULL OR status = $2)
       AND ($3::uuid IS NULL OR venue_id = $3)
       AND ($4::date IS NULL OR end_at > $4::date)
       AND ($5::date IS NULL OR start_at < $5::date)
       AND ($6::timestamptz IS NULL OR (start_at, id) > ($6::timestamptz, $7::uuid))
     ORDER BY start_at, id LIMIT $8`,
    [
      staff ? null : actor.userId,
      query.status ?? null,
      query.venueId ?? null,
      query.from ?? null,
      query.to ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      query.limit + 1,
    ],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toBookingDto(row.data, row.version)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.start_at.toISOString(), last.id])
        : null,
  };
}

/**
 * Every booking a user made, oldest first, folded from the events (so notes and answers
 * are read through the person's key, as the export must show them).
 */
export async function bookingsBookedBy(ctx: AppContext, userId: string): Promise<BookingDto[]> {
  const { rows } = await ctx.deps.database.pool.query<{ id: string }>(
    "SELECT id FROM bookings WHERE user_id = $1 ORDER BY created_at, id",
    [userId],
  );
  const bookings: BookingDto[] = [];
  for (const { id } of rows) {
    const { state, version } = await loadBooking(ctx.deps.eventStore, id);
    if (bookingExists(state)) bookings.push(toBookingDto(state, version));
  }
  return bookings;
}

/** The booking as an .ics file, for whoever may open it (guests with their token too). */
export async function bookingCalendarFile(ctx: AppContext, bookingId: string) {
  const { booking } = await getBooking(ctx, bookingId);
  const offering = await findEntity(ctx.deps.database.pool, "offering", booking.offeringId);
  const venue = await findEntity(ctx.deps.database.pool, "venue", booking.venueId);
  const address = venue?.address;
  return {
    content: bookingIcs(booking, {
      title: [venue?.name, offering?.name].filter(Boolean).join(" – "),
      location: address ? `${address.street}, ${address.postalCode} ${address.city}` : undefined,
    }),
    filename: `booking-${booking.id}.ics`,
  };
}
