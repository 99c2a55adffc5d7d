import {
  type BookingEvent,
  type BookingState,
  bookingExists,
  evolveBooking,
  isBlocking,
} from "@booking/domain";
import { defineInlineProjection, type RecordedEvent } from "@booking/eventstore";
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

/**
 * The bookings read model and the reservations that enforce "no double booking", written
 * in the transaction that appends the events: a reservation that overlaps another blocking
 * one violates the exclusion constraint (23P01) and the events roll back with it.
 */
export const bookingsProjection = defineInlineProjection<unknown, BookingEvent>({
  name: "bookings",
  eventTypes: bookingEventTypes,
  async handle(events, { client }) {
    for (const event of events) await apply(client, event);
  },
});

async function apply(client: pg.PoolClient, event: RecordedEvent<BookingEvent>): Promise<void> {
  // The first event of a booking has nothing before it: no read, no stale reservations.
  const previous: BookingState =
    event.streamVersion === 1
      ? { status: "not_existing" }
      : await currentState(client, event.data.bookingId);
  const state = evolveBooking(previous, event);
  if (!bookingExists(state)) return;
  await client.query(
    `INSERT INTO bookings (id, venue_id, offering_id, user_id, status, start_at, end_at, hold_expires_at,
                           data, created_at, updated_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET status = $5, start_at = $6, end_at = $7, hold_expires_at = $8,
       data = $9, updated_at = $11, version = $12`,
    [
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
      event.streamVersion,
    ],
  );
  const moved =
    !bookingExists(previous) ||
    event.type === "BookingRescheduled" ||
    previous.blockedStart !== state.blockedStart ||
    previous.resourceIds.join() !== state.resourceIds.join();
  if (moved) {
    if (bookingExists(previous)) {
      await client.query("DELETE FROM reservations WHERE booking_id = $1", [state.bookingId]);
    }
    await client.query(
      `INSERT INTO reservations (booking_id, resource_id, period, blocking)
       SELECT $1, resource_id, tstzrange($2, $3), $4 FROM unnest($5::uuid[]) AS resource_id`,
      [
        state.bookingId,
        state.blockedStart,
        state.blockedEnd,
        isBlocking(state.status),
        state.resourceIds,
      ],
    );
  } else if (isBlocking(previous.status) !== isBlocking(state.status)) {
    await client.query("UPDATE reservations SET blocking = $2 WHERE booking_id = $1", [
      state.bookingId,
      isBlocking(state.status),
    ]);
  }
}

/** The booking as the read model holds it (the fold of its events so far). */
async function currentState(client: pg.PoolClient, bookingId: string): Promise<BookingState> {
  const { rows } = await client.query<{ data: BookingState }>(
    "SELECT data FROM bookings WHERE id = $1",
    [bookingId],
  );
  return rows[0]?.data ?? { status: "not_existing" };
}
