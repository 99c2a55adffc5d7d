import {
  type BookingEvent,
  type BookingState,
  bookingExists,
  type ExistingBooking,
  evolveBooking,
  isBlocking,
} from "@booking/domain";
import {
  defineInlineProjection,
  defineWrite,
  type PlannedWrite,
  type RecordedEvent,
} from "@booking/eventstore";
import { sql } from "kysely";
import type pg from "pg";

const bookingEventTypes: BookingEvent["type"][] = [
  "BookingHeld",
  "BookingRequested",
  "BookingConfirmed",
  "BookingRejected",
  "BookingCancelled",
  "BookingRescheduled",
  "BookingCompleted",
  "BookingMarkedNoShow",
  "HoldExpired",
  "BookingEdited",
];

const notExisting: BookingState = { status: "not_existing" };

/**
 * The bookings read model and the reservations that enforce "no double booking", written
 * with the events they follow from: a reservation that overlaps another blocking one
 * violates the exclusion constraint (23P01) and the events are not recorded either.
 *
 * A booking's first events (stream version 1 on) need nothing read, so they are planned:
 * the bookings row and the reservations are written by the append statement itself (one
 * round trip). Later events read the booking's row, in the append's transaction.
 */
export const bookingsProjection = defineInlineProjection<unknown, BookingEvent>({
  name: "bookings",
  eventTypes: bookingEventTypes,
  async handle(events, { client }) {
    // The state after each event, so a booking's later events in this append need no read.
    const states = new Map<string, BookingState>();
    for (const event of events) {
      const { bookingId } = event.data;
      // The first event of a booking has nothing before it: no read, no stale reservations.
      const previous =
        states.get(bookingId) ??
        (event.streamVersion === 1 ? notExisting : await currentState(client, bookingId));
      const state = evolveBooking(previous, event);
      states.set(bookingId, state);
      await apply(client, previous, state, event);
    }
  },
  plan(events) {
    const [first] = events;
    if (first?.streamVersion !== 1) return null;
    if (events.some((event) => event.data.bookingId !== first.data.bookingId)) return null;
    const state = events.reduce(evolveBooking, notExisting);
    if (!bookingExists(state)) return [];
    const version = (events[events.length - 1] ?? first).streamVersion;
    return plannedWrites(state, version);
  },
});

// Written the same way by `handle` and `plan`; a later event replaces the row.
const BOOKING_COLUMNS = `id, venue_id, offering_id, user_id, status, start_at, end_at,
  hold_expires_at, data, created_at, updated_at, version`;
const BOOKING_UPDATE = `ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status,
  start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
  hold_expires_at = EXCLUDED.hold_expires_at, data = EXCLUDED.data,
  updated_at = EXCLUDED.updated_at, version = EXCLUDED.version`;
const UPSERT_BOOKING = `INSERT INTO bookings (${BOOKING_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ${BOOKING_UPDATE}`;

function bookingValues(state: ExistingBooking, version: number): unknown[] {
  return [
    state.bookingId,
    state.venueId,
    state.offeringId,
    "userId" in state.bookedBy ? state.bookedBy.userId : null,
    state.status,
    state.start,
    state.end,
    state.holdExpiresAt,
    state,
    state.createdAt,
    state.updatedAt,
    version,
  ];
}

/** The reservations of a booking's placement, from $1 (the booking id) and $13..$16. */
const INSERT_RESERVATIONS_FROM = (source: string) => `INSERT INTO reservations
  (booking_id, resource_id, period, blocking)
  SELECT $1, resource_id, tstzrange($13, $14), $15 FROM ${source} unnest($16::uuid[]) AS resource_id`;

function placementValues(state: ExistingBooking): unknown[] {
  return [state.blockedStart, state.blockedEnd, isBlocking(state.status), state.resourceIds];
}

/**
 * One statement per event, whatever it changes: the bookings row, and the reservations when
 * the booking moved (replaced) or started or stopped blocking (flag flipped).
 */
const STATEMENTS = {
  upsert: { name: "bookings_upsert", text: UPSERT_BOOKING },
  /** A new booking: its row and its reservations. */
  insert: {
    name: "bookings_insert_reserve",
    text: `WITH booking AS (${UPSERT_BOOKING})
      ${INSERT_RESERVATIONS_FROM("")}`,
  },
  /**
   * A moved booking: the old reservations go before the new ones come in (the insert reads
   * the delete's count, so it waits for it); rows deleted by the statement itself are no
   * conflict for the primary key nor the exclusion constraint.
   */
  move: {
    name: "bookings_upsert_move",
    text: `WITH booking AS (${UPSERT_BOOKING}),
      removed AS (DELETE FROM reservations WHERE booking_id = $1 RETURNING 1)
      ${INSERT_RESERVATIONS_FROM("(SELECT count(*) FROM removed) AS done,")}`,
  },
  block: {
    name: "bookings_upsert_block",
    text: `WITH booking AS (${UPSERT_BOOKING})
      UPDATE reservations SET blocking = $13 WHERE booking_id = $1`,
  },
} as const;

async function apply(
  client: pg.PoolClient,
  previous: BookingState,
  state: BookingState,
  event: RecordedEvent<BookingEvent>,
): Promise<void> {
  if (!bookingExists(state)) return;
  const booking = bookingValues(state, event.streamVersion);
  const moved =
    !bookingExists(previous) ||
    event.type === "BookingRescheduled" ||
    previous.blockedStart !== state.blockedStart ||
    previous.blockedEnd !== state.blockedEnd ||
    previous.resourceIds.join() !== state.resourceIds.join();
  if (moved) {
    const statement = bookingExists(previous) ? STATEMENTS.move : STATEMENTS.insert;
    await client.query({ ...statement, values: [...booking, ...placementValues(state)] });
  } else if (isBlocking(previous.status) !== isBlocking(state.status)) {
    await client.query({ ...STATEMENTS.block, values: [...booking, isBlocking(state.status)] });
  } else {
    await client.query({ ...STATEMENTS.upsert, values: booking });
  }
}

/** The columns the planned writes name; values go as parameters, PostgreSQL casts them. */
interface PlannedTables {
  bookings: Record<(typeof PLANNED_BOOKING_COLUMNS)[number], unknown>;
  reservations: { booking_id: string; resource_id: string; period: string; blocking: boolean };
}

/** BOOKING_COLUMNS, in bookingValues' order. */
const PLANNED_BOOKING_COLUMNS = [
  "id",
  "venue_id",
  "offering_id",
  "user_id",
  "status",
  "start_at",
  "end_at",
  "hold_expires_at",
  "data",
  "created_at",
  "updated_at",
  "version",
] as const;

// Defined once: a create then neither builds nor compiles them (defineWrite).
const upsertPlannedBooking = defineWrite<PlannedTables, unknown[]>((db, value) =>
  db
    .insertInto("bookings")
    .columns(PLANNED_BOOKING_COLUMNS)
    .expression(
      db
        .selectFrom("appended")
        .select(PLANNED_BOOKING_COLUMNS.map((column, i) => value(i).as(column))),
    )
    // As BOOKING_UPDATE: a later event replaces the row.
    .onConflict((conflict) =>
      conflict.column("id").doUpdateSet((eb) => ({
        status: eb.ref("excluded.status"),
        start_at: eb.ref("excluded.start_at"),
        end_at: eb.ref("excluded.end_at"),
        hold_expires_at: eb.ref("excluded.hold_expires_at"),
        data: eb.ref("excluded.data"),
        updated_at: eb.ref("excluded.updated_at"),
        version: eb.ref("excluded.version"),
      })),
    ),
);

interface PlannedPlacement {
  bookingId: string;
  start: string;
  end: string;
  blocking: boolean;
  resourceIds: readonly string[];
}

const insertPlannedReservations = defineWrite<PlannedTables, PlannedPlacement>((db, value) =>
  db
    .insertInto("reservations")
    .columns(["booking_id", "resource_id", "period", "blocking"])
    .expression(
      db
        .selectFrom([
          "appended",
          sql<{ resource_id: string }>`unnest(${value("resourceIds")}::uuid[])`.as("resource_id"),
        ])
        .select([
          value("bookingId").as("booking_id"),
          "resource_id",
          sql<string>`tstzrange(${value("start")}, ${value("end")})`.as("period"),
          value("blocking").as("blocking"),
        ]),
    ),
);

/** A new booking's row and reservations, composed into the append statement. */
function plannedWrites(state: ExistingBooking, version: number): PlannedWrite[] {
  return [
    upsertPlannedBooking(bookingValues(state, version)),
    insertPlannedReservations({
      bookingId: state.bookingId,
      start: state.blockedStart,
      end: state.blockedEnd,
      blocking: isBlocking(state.status),
      resourceIds: state.resourceIds,
    }),
  ];
}

/** The booking as the read model holds it (the fold of its events so far). */
async function currentState(client: pg.PoolClient, bookingId: string): Promise<BookingState> {
  const { rows } = await client.query<{ data: BookingState }>({
    name: "bookings_current_state",
    text: "SELECT data FROM bookings WHERE id = $1",
    values: [bookingId],
  });
  return rows[0]?.data ?? notExisting;
}
