import type { BookingDto } from "@booking/contracts";
import { type BookingEvent, bookingExists, type historyActor, mayOpen } from "@booking/domain";
import { sql } from "kysely";
import { findEntity, listOfVenue, requireEntity } from "../catalog/catalog.queries.ts";
import type { AppContext } from "../context/app-context.ts";
import type { BookingStatus } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";
import { bookingCalendar, calendarEntryOf } from "../icalendar/booking-calendar.ts";
import { decodeCursor, encodeCursor, timeAndIdCursor } from "../paging/cursor.ts";
import { bookingActor } from "./booking-actor.ts";
import { toBookingDto } from "./booking-dto.ts";
import { loadBooking } from "./booking-stream.ts";
import { escapeLike, searchWords } from "./free-text.ts";

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
    status?: BookingStatus | undefined;
    venueId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: BookingDto[]; nextCursor: string | null }> {
  const actor = bookingActor(ctx.principal);
  if (!("userId" in actor)) throw new AppError("FORBIDDEN", "Log in to list bookings.");
  const staff = actor.role === "admin" || actor.role === "owner";
  const after = query.cursor ? decodeCursor(query.cursor, timeAndIdCursor) : undefined;
  let select = ctx.deps.database.db
    .selectFrom("bookings")
    .innerJoin("venues", "venues.id", "bookings.venue_id")
    .select(["bookings.data", "bookings.version", "bookings.start_at", "bookings.id"])
    .orderBy("bookings.start_at")
    .orderBy("bookings.id")
    .limit(query.limit + 1);
  if (!staff) select = select.where("bookings.user_id", "=", actor.userId);
  if (query.status !== undefined) select = select.where("bookings.status", "=", query.status);
  if (query.venueId !== undefined) select = select.where("bookings.venue_id", "=", query.venueId);
  // `from` and `to` are local dates: midnight where the booking's venue is, whatever the
  // database server's time zone.
  const from = query.from;
  if (from !== undefined) select = select.where("bookings.end_at", ">", localMidnight(from));
  const to = query.to;
  if (to !== undefined) select = select.where("bookings.start_at", "<", localMidnight(to));
  for (const word of searchWords(query.q)) {
    select = select.where(bookingText, "ilike", `%${escapeLike(word)}%`);
  }
  if (after) {
    const [startAt, id] = after;
    select = select.where((eb) =>
      eb(
        eb.refTuple("bookings.start_at", "bookings.id"),
        ">",
        eb.tuple(
          eb.cast<Date>(eb.val(startAt), "timestamptz"),
          eb.cast<string>(eb.val(id), "uuid"),
        ),
      ),
    );
  }
  const rows = await select.execute();
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
 * What the free-text search reads: the booker's name and e-mail address (a member's from the
 * users read model, a guest's from the booking) and the notes. An erased person's fields are
 * gone from both, so they are not found by them any more.
 */
const bookingText = sql<string>`concat_ws(' ',
  (SELECT users.name || ' ' || users.email FROM users WHERE users.id = bookings.user_id),
  bookings.data -> 'bookedBy' -> 'guest' ->> 'name',
  bookings.data -> 'bookedBy' -> 'guest' ->> 'email',
  bookings.data ->> 'notes')`;

/** The start of a local date in the time zone of the venue joined to the query. */
function localMidnight(date: string) {
  return sql<Date>`(${date}::date)::timestamp AT TIME ZONE (venues.data ->> 'timeZone')`;
}

/**
 * Every booking a user made, oldest first, folded from the events (so notes and answers
 * are read through the person's key, as the export must show them).
 */
export async function bookingsBookedBy(ctx: AppContext, userId: string): Promise<BookingDto[]> {
  const rows = await ctx.deps.database.db
    .selectFrom("bookings")
    .select("id")
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const bookings: BookingDto[] = [];
  for (const { id } of rows) {
    const { state, version } = await loadBooking(ctx.deps.eventStore, id);
    if (bookingExists(state)) bookings.push(toBookingDto(state, version));
  }
  return bookings;
}

/**
 * The booking as an .ics file, for whoever may open it (guests with their token too): the
 * same VEVENT as in the mails and feeds, in the venue's time zone.
 */
export async function bookingCalendarFile(ctx: AppContext, bookingId: string) {
  const { booking } = await getBooking(ctx, bookingId);
  const { db } = ctx.deps.database;
  const [venue, offering, resources] = await Promise.all([
    requireEntity(db, "venue", booking.venueId),
    findEntity(db, "offering", booking.offeringId),
    listOfVenue(db, "resource", booking.venueId),
  ]);
  return {
    content: bookingCalendar({
      entries: [calendarEntryOf(booking, { venue, offering, resources })],
    }),
    filename: `booking-${booking.id}.ics`,
  };
}
