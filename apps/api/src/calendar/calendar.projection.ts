import {
  BOOKING_EVENT_TYPES,
  type BookingEvent,
  type BookingState,
  bookingExists,
  type ExistingBooking,
  evolveBooking,
} from "@booking/domain";
import type { RecordedEvent } from "@booking/eventstore";
import type { Insertable, Kysely, Selectable } from "kysely";
import type { BookingStatus, CalendarEntriesTable, Database } from "../db/schema.ts";
import { defineAsyncProjection } from "../projections/async-projection.ts";

const bookingEventTypes: readonly BookingEvent["type"][] = BOOKING_EVENT_TYPES;

/**
 * What a calendar shows: bookings that block their resources and those that took place
 * (or were meant to). Rejected, cancelled and expired bookings leave the table.
 */
export const CALENDAR_STATUSES: readonly BookingStatus[] = [
  "held",
  "pending",
  "confirmed",
  "completed",
  "no_show",
];

const notExisting: BookingState = { status: "not_existing" };

/** Rows per insert: 9 parameters each, far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 1000;

/**
 * A venue's calendar (docs/api.md, "Calendar"): a row per booking and resource while the
 * booking is shown. Each booking's rows are its state as far as the calendar keeps it;
 * every event is folded into that state with the domain's `evolveBooking`, and the
 * booking's rows are replaced when what they say changed (a status, a move to other days
 * or rooms). Nothing personal is kept (the booker is a user id or none), so an erasure
 * changes nothing here; labels are joined at query time. One batch is three statements.
 */
export const calendarProjection = defineAsyncProjection<BookingEvent>({
  name: "calendar",
  tables: ["calendar_entries"],
  eventTypes: bookingEventTypes,
  async handle(events, { db }) {
    const states = await loadStates(db, events);
    const changed = new Set<string>();
    for (const event of events) {
      const { bookingId } = event.data;
      const current = states.get(bookingId) ?? notExisting;
      const next = evolveBooking(current, event);
      if (next === current) continue;
      if (rowKey(next) !== rowKey(current)) changed.add(bookingId);
      states.set(bookingId, next);
    }
    if (changed.size === 0) return;
    const ids = [...changed];
    await db.deleteFrom("calendar_entries").where("booking_id", "in", ids).execute();
    const rows = ids.flatMap((id) => rowsOf(states.get(id) ?? notExisting));
    for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
      await db
        .insertInto("calendar_entries")
        .values(rows.slice(from, from + INSERT_CHUNK))
        .execute();
    }
  },
});

/** The batch's bookings as their rows describe them; a booking without rows is not shown. */
async function loadStates(
  db: Kysely<Database>,
  events: RecordedEvent<BookingEvent>[],
): Promise<Map<string, BookingState>> {
  const ids = [...new Set(events.map((event) => event.data.bookingId))];
  const rows = await db
    .selectFrom("calendar_entries")
    .selectAll()
    .where("booking_id", "in", ids)
    .orderBy("booking_id")
    .orderBy("resource_id")
    .execute();
  const byBooking = new Map<string, Selectable<CalendarEntriesTable>[]>();
  for (const row of rows) {
    const list = byBooking.get(row.booking_id) ?? [];
    list.push(row);
    byBooking.set(row.booking_id, list);
  }
  const states = new Map<string, BookingState>();
  for (const [id, list] of byBooking) states.set(id, stateOf(list));
  return states;
}

/**
 * The booking's state from its rows: what the calendar keeps, and neutral values for the
 * rest, which `evolveBooking` carries along without reading (a creating event replaces
 * all of it; every other event changes only status, placement and edits).
 */
function stateOf(rows: Selectable<CalendarEntriesTable>[]): BookingState {
  const [first] = rows;
  if (!first) return notExisting;
  const start = first.start_at.toISOString();
  const end = first.end_at.toISOString();
  const state: ExistingBooking = {
    bookingId: first.booking_id,
    venueId: first.venue_id,
    status: first.status,
    mode: first.check_in === null ? "slot" : "stay",
    resourceIds: rows.map((row) => row.resource_id),
    start,
    end,
    blockedStart: start,
    blockedEnd: end,
    checkIn: first.check_in,
    checkOut: first.check_out,
    bookedBy: first.user_id ? { userId: first.user_id } : { guest: NO_CONTACT },
    // Not kept by the calendar:
    offeringId: "",
    guests: 0,
    price: { amount: 0, currency: "" },
    notes: null,
    answers: {},
    holdExpiresAt: null,
    reason: null,
    createdAt: "",
    updatedAt: "",
  };
  return state;
}

/** A guest booking's contact is never kept: names are joined at query time. */
const NO_CONTACT = Object.freeze({ name: "", email: "", phone: "" });

function rowsOf(state: BookingState): Insertable<CalendarEntriesTable>[] {
  if (!bookingExists(state) || !CALENDAR_STATUSES.includes(state.status)) return [];
  const userId = "userId" in state.bookedBy ? state.bookedBy.userId : null;
  return [...new Set(state.resourceIds)].sort().map((resourceId) => ({
    booking_id: state.bookingId,
    resource_id: resourceId,
    venue_id: state.venueId,
    status: state.status,
    start_at: new Date(state.start).toISOString(),
    end_at: new Date(state.end).toISOString(),
    check_in: state.checkIn,
    check_out: state.checkOut,
    user_id: userId,
  }));
}

/** What the booking's rows would say: equal keys, nothing to write. */
function rowKey(state: BookingState): string {
  return JSON.stringify(rowsOf(state));
}
