import {
  BOOKING_EVENT_TYPES,
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
  writeBuilder,
} from "@booking/eventstore";
import { type Insertable, type Kysely, type OnConflictBuilder, sql } from "kysely";
import type pg from "pg";
import { executePrepared } from "../db/prepared.ts";
import type { BookingsTable, Database } from "../db/schema.ts";

const bookingEventTypes: readonly BookingEvent["type"][] = BOOKING_EVENT_TYPES;

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

/** The bookings row of a state, as `handle` and `plan` both write it. */
function bookingRow(state: ExistingBooking, version: number): Insertable<BookingsTable> {
  return {
    id: state.bookingId,
    venue_id: state.venueId,
    offering_id: state.offeringId,
    user_id: "userId" in state.bookedBy ? state.bookedBy.userId : null,
    status: state.status,
    start_at: state.start,
    end_at: state.end,
    hold_expires_at: state.holdExpiresAt,
    data: state,
    created_at: state.createdAt,
    updated_at: state.updatedAt,
    version,
  };
}

function bookingValues(state: ExistingBooking, version: number): unknown[] {
  return PLANNED_BOOKING_COLUMNS.map((column) => bookingRow(state, version)[column]);
}

/** A later event's row replaces the one there (both write paths, so both write alike). */
function replacedByLaterEvents(conflict: OnConflictBuilder<Database, "bookings">) {
  return conflict.column("id").doUpdateSet((eb) => ({
    status: eb.ref("excluded.status"),
    start_at: eb.ref("excluded.start_at"),
    end_at: eb.ref("excluded.end_at"),
    hold_expires_at: eb.ref("excluded.hold_expires_at"),
    data: eb.ref("excluded.data"),
    updated_at: eb.ref("excluded.updated_at"),
    version: eb.ref("excluded.version"),
  }));
}

/** The row, or a later event's replacement of it. */
function upsertBooking(db: Kysely<Database>, state: ExistingBooking, version: number) {
  return db
    .insertInto("bookings")
    .values(bookingRow(state, version))
    .onConflict(replacedByLaterEvents);
}

/**
 * The reservations of a booking's placement, one per resource; `after` names a CTE whose
 * rows must be produced first (the move's delete), read as a cross join.
 */
function reservationsOf(db: Kysely<Database>, state: ExistingBooking, after?: "removed") {
  // A scalar function's alias names its column too: `unnest(…) AS resource_id`.
  const resources = sql<{ resource_id: string }>`unnest(${state.resourceIds}::uuid[])`.as(
    "resource_id",
  );
  const from = after
    ? db.selectFrom([sql`(SELECT count(*) FROM ${sql.table(after)})`.as("done"), resources])
    : db.selectFrom(resources);
  return from.select([
    sql.val(state.bookingId).as("booking_id"),
    "resource_id",
    sql<string>`tstzrange(${state.blockedStart}, ${state.blockedEnd})`.as("period"),
    sql.val(isBlocking(state.status)).as("blocking"),
  ]);
}

/**
 * One statement per event, whatever it changes: the bookings row, and the reservations when
 * the booking moved (replaced) or started or stopped blocking (flag flipped). Each runs as
 * a named prepared statement (parsed and planned once per connection): its text depends on
 * which of the four it is, never on the values.
 */
async function apply(
  client: pg.PoolClient,
  previous: BookingState,
  state: BookingState,
  event: RecordedEvent<BookingEvent>,
): Promise<void> {
  if (!bookingExists(state)) return;
  const db = builder;
  const version = event.streamVersion;
  const moved =
    !bookingExists(previous) ||
    event.type === "BookingRescheduled" ||
    previous.blockedStart !== state.blockedStart ||
    previous.blockedEnd !== state.blockedEnd ||
    previous.resourceIds.join() !== state.resourceIds.join();
  const reservationColumns = ["booking_id", "resource_id", "period", "blocking"] as const;
  if (!bookingExists(previous)) {
    // A new booking: its row and its reservations.
    const query = db
      .with("booking", () => upsertBooking(db, state, version))
      .insertInto("reservations")
      .columns(reservationColumns)
      .expression(reservationsOf(db, state));
    await executePrepared(client, "bookings_insert_reserve", query);
  } else if (moved) {
    // The old reservations go before the new ones come in (the insert reads the delete's
    // count, so it waits for it); rows deleted by the statement itself are no conflict for
    // the primary key nor the exclusion constraint.
    const query = db
      .with("booking", () => upsertBooking(db, state, version))
      .with("removed", (db) =>
        db
          .deleteFrom("reservations")
          .where("booking_id", "=", state.bookingId)
          .returning(sql.lit(1).as("one")),
      )
      .insertInto("reservations")
      .columns(reservationColumns)
      .expression(reservationsOf(db, state, "removed"));
    await executePrepared(client, "bookings_upsert_move", query);
  } else if (isBlocking(previous.status) !== isBlocking(state.status)) {
    const query = db
      .with("booking", () => upsertBooking(db, state, version))
      .updateTable("reservations")
      .set({ blocking: isBlocking(state.status) })
      .where("booking_id", "=", state.bookingId);
    await executePrepared(client, "bookings_upsert_block", query);
  } else {
    await executePrepared(client, "bookings_upsert", upsertBooking(db, state, version));
  }
}

/** Builds the statements above; the append's own client runs them (`executePrepared`). */
const builder = writeBuilder<Database>() as unknown as Kysely<Database>;

/** The bookings row's columns, in bookingValues' order: the planned upsert's values. */
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
const upsertPlannedBooking = defineWrite<Database, unknown[]>((db, value) =>
  db
    .insertInto("bookings")
    .columns(PLANNED_BOOKING_COLUMNS)
    .expression(
      db
        .selectFrom("appended")
        .select(PLANNED_BOOKING_COLUMNS.map((column, i) => value(i).as(column))),
    )
    .onConflict(replacedByLaterEvents),
);

interface PlannedPlacement {
  bookingId: string;
  start: string;
  end: string;
  blocking: boolean;
  resourceIds: readonly string[];
}

const insertPlannedReservations = defineWrite<Database, PlannedPlacement>((db, value) =>
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

/**
 * The booking as the read model holds it (the fold of its events so far), locked until the
 * append commits: an erasure rewriting the row meanwhile waits, then sees the new version
 * and rewrites again, so this append cannot put back what the erasure removed.
 */
async function currentState(client: pg.PoolClient, bookingId: string): Promise<BookingState> {
  const query = builder
    .selectFrom("bookings")
    .select("data")
    .where("id", "=", bookingId)
    .forUpdate();
  const { rows } = await executePrepared(client, "bookings_current_state", query);
  return rows[0]?.data ?? notExisting;
}
