import {
  addContributions,
  BOOKING_EVENT_TYPES,
  type BookingEvent,
  evolveStatisticsBooking,
  isZero,
  type MonthFigures,
  type StatisticsBooking,
} from "@booking/domain";
import type { RecordedEvent } from "@booking/eventstore";
import type { Insertable, Kysely } from "kysely";
import { catalogKinds } from "../catalog/catalog-kinds.ts";
import type { Database, StatisticsBookingsTable, StatisticsMonthlyTable } from "../db/schema.ts";
import { defineAsyncProjection } from "../projections/async-projection.ts";

/** Only the time zone of a venue matters here (it places a slot's start in a month). */
type VenueEvent =
  | { type: "VenueCreated"; data: { entity: { timeZone?: string } } }
  | { type: "VenueUpdated"; data: { patch: { timeZone?: string } } };

type StatisticsEvent = BookingEvent | VenueEvent;

const bookingEventTypes: readonly BookingEvent["type"][] = BOOKING_EVENT_TYPES;

/**
 * Monthly statistics per venue (docs/api.md, "Statistics"), from booking events and the
 * venues' time zones. Each requested booking's contribution is kept (`statistics_bookings`),
 * so that any later event takes the old contribution away from the months and adds the new
 * one (`statistics_monthly`): a confirmation, a cancellation, a move to another month.
 * One batch is a handful of statements, whatever its size.
 */
export const statisticsProjection = defineAsyncProjection<StatisticsEvent>({
  name: "statistics",
  tables: ["statistics_venues", "statistics_bookings", "statistics_monthly"],
  eventTypes: [
    ...bookingEventTypes,
    catalogKinds.venue.created as "VenueCreated",
    catalogKinds.venue.updated as "VenueUpdated",
  ],
  async handle(events, { db }) {
    const bookingEvents = events.filter(isBookingEvent);
    const bookings = await loadBookings(db, bookingEvents);
    const zones = await loadZones(db, bookingEvents, bookings);
    const changedZones = new Set<string>();
    const changedBookings = new Set<string>();
    const deltas = new Map<string, MonthFigures>();
    for (const event of events) {
      if (!isBookingEvent(event)) {
        const venueId = event.streamId.slice(catalogKinds.venue.stream.length + 1);
        const zone =
          event.type === "VenueCreated" ? event.data.entity.timeZone : event.data.patch.timeZone;
        if (zone) {
          zones.set(venueId, zone);
          changedZones.add(venueId);
        }
        continue;
      }
      const { bookingId } = event.data;
      const current = bookings.get(bookingId) ?? null;
      const venueId = event.type === "BookingRequested" ? event.data.venueId : current?.venueId;
      const next = evolveStatisticsBooking(current, event, zoneOf(zones, venueId));
      if (next === current) continue;
      addContributions(deltas, current, -1);
      addContributions(deltas, next, 1);
      if (next) {
        bookings.set(bookingId, next);
        changedBookings.add(bookingId);
      }
    }
    await saveZones(db, zones, changedZones);
    await saveBookings(
      db,
      [...changedBookings].map((id) => bookings.get(id)).filter((b) => b !== undefined),
    );
    await applyDeltas(db, deltas);
  },
});

function isBookingEvent(
  event: RecordedEvent<StatisticsEvent>,
): event is RecordedEvent<BookingEvent> {
  return (bookingEventTypes as string[]).includes(event.type);
}

/** Venues the log never gave a zone cannot exist (a booking follows its venue's creation). */
function zoneOf(zones: Map<string, string>, venueId: string | undefined): string {
  return (venueId && zones.get(venueId)) || "UTC";
}

async function loadBookings(
  db: Kysely<Database>,
  events: RecordedEvent<BookingEvent>[],
): Promise<Map<string, StatisticsBooking>> {
  const ids = [...new Set(events.map((event) => event.data.bookingId))];
  const bookings = new Map<string, StatisticsBooking>();
  if (ids.length === 0) return bookings;
  const rows = await db
    .selectFrom("statistics_bookings")
    .selectAll()
    .where("booking_id", "in", ids)
    .execute();
  for (const row of rows) {
    bookings.set(row.booking_id, {
      bookingId: row.booking_id,
      venueId: row.venue_id,
      mode: row.mode,
      status: row.status,
      month: row.month,
      guests: row.guests,
      nights: row.nights,
      revenue: Number(row.revenue),
      usage: row.usage,
    });
  }
  return bookings;
}

async function loadZones(
  db: Kysely<Database>,
  events: RecordedEvent<BookingEvent>[],
  bookings: Map<string, StatisticsBooking>,
): Promise<Map<string, string>> {
  const venueIds = new Set([...bookings.values()].map((booking) => booking.venueId));
  for (const event of events) {
    if (event.type === "BookingRequested") venueIds.add(event.data.venueId);
  }
  const zones = new Map<string, string>();
  if (venueIds.size === 0) return zones;
  const rows = await db
    .selectFrom("statistics_venues")
    .selectAll()
    .where("venue_id", "in", [...venueIds])
    .execute();
  for (const row of rows) zones.set(row.venue_id, row.time_zone);
  return zones;
}

async function saveZones(db: Kysely<Database>, zones: Map<string, string>, ids: Set<string>) {
  if (ids.size === 0) return;
  await db
    .insertInto("statistics_venues")
    .values([...ids].map((id) => ({ venue_id: id, time_zone: zones.get(id) ?? "UTC" })))
    .onConflict((conflict) =>
      conflict
        .column("venue_id")
        .doUpdateSet((eb) => ({ time_zone: eb.ref("excluded.time_zone") })),
    )
    .execute();
}

async function saveBookings(db: Kysely<Database>, bookings: StatisticsBooking[]) {
  if (bookings.length === 0) return;
  const rows: Insertable<StatisticsBookingsTable>[] = bookings.map((booking) => ({
    booking_id: booking.bookingId,
    venue_id: booking.venueId,
    mode: booking.mode,
    status: booking.status,
    month: booking.month,
    guests: booking.guests,
    nights: booking.nights,
    revenue: booking.revenue,
    usage: booking.usage,
  }));
  await db
    .insertInto("statistics_bookings")
    .values(rows)
    .onConflict((conflict) =>
      conflict.column("booking_id").doUpdateSet((eb) => ({
        status: eb.ref("excluded.status"),
        month: eb.ref("excluded.month"),
        guests: eb.ref("excluded.guests"),
        nights: eb.ref("excluded.nights"),
        revenue: eb.ref("excluded.revenue"),
        usage: eb.ref("excluded.usage"),
      })),
    )
    .execute();
}

const FIGURE_COLUMNS = {
  bookings: "bookings",
  confirmed: "confirmed",
  cancelled: "cancelled",
  guests: "guests",
  nights: "nights",
  revenue: "revenue",
  roomNights: "room_nights",
  slotMinutes: "slot_minutes",
} as const satisfies Record<keyof MonthFigures, keyof StatisticsMonthlyTable>;

const columns = Object.values(FIGURE_COLUMNS);

/**
 * Adds the batch's changes to the months; a month whose figures all came back to zero is
 * deleted, so the rows do not depend on how the events were batched (a rebuild's batches
 * are larger than the live ones).
 */
async function applyDeltas(db: Kysely<Database>, deltas: Map<string, MonthFigures>) {
  const changed = [...deltas].filter(([, figures]) => !isZero(figures));
  if (changed.length === 0) return;
  const rows: Insertable<StatisticsMonthlyTable>[] = changed.map(([key, figures]) => {
    const [venueId = "", month = ""] = key.split(" ");
    const row: Insertable<StatisticsMonthlyTable> = {
      venue_id: venueId,
      month,
      bookings: 0,
      confirmed: 0,
      cancelled: 0,
      guests: 0,
      nights: 0,
      revenue: 0,
      room_nights: 0,
      slot_minutes: 0,
    };
    for (const [figure, column] of Object.entries(FIGURE_COLUMNS)) {
      row[column] = figures[figure as keyof MonthFigures];
    }
    return row;
  });
  await db
    .insertInto("statistics_monthly")
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .columns(["venue_id", "month"])
        .doUpdateSet((eb) =>
          Object.fromEntries(
            columns.map((column) => [
              column,
              eb(`statistics_monthly.${column}`, "+", eb.ref(`excluded.${column}`)),
            ]),
          ),
        ),
    )
    .execute();
  const venues = [...new Set(rows.map((row) => row.venue_id))];
  await db
    .deleteFrom("statistics_monthly")
    .where("venue_id", "in", venues)
    .where((eb) => eb.and(columns.map((column) => eb(column, "=", 0))))
    .execute();
}
