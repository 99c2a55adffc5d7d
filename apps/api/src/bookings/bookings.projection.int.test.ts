import { randomUUID } from "node:crypto";
import type { BookingEvent } from "@booking/domain";
import {
  ConcurrencyConflictError,
  createEventStore,
  type EventStore,
  type ExpectedVersion,
  InlineProjectionError,
  NO_STREAM,
} from "@booking/eventstore";
import { countingPool } from "@booking/vitest-config/counting-pool";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bookingsProjection } from "./bookings.projection.ts";

const database = useTestDatabase();
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: database().url, max: 10 });
  // The test database is dropped (with force) after the file: idle clients may see that.
  pool.on("error", () => {});
});
afterAll(async () => {
  await pool.end();
});

/** A store whose pool counts autocommit statements and transactions. */
function countingStore(withPlan: boolean) {
  const { pool: counted, counts } = countingPool(pool);
  const projection = withPlan ? bookingsProjection : { ...bookingsProjection, plan: undefined };
  return { store: createEventStore({ pool: counted, inlineProjections: [projection] }), counts };
}

const day = (n: number) => new Date(Date.UTC(2031, 0, 1 + n, 14)).toISOString();
const by = { system: true } as const;
const at = "2030-12-01T10:00:00.000Z";

function requested(
  bookingId: string,
  room: string,
  nights: [number, number],
  status: "pending" | "confirmed" = "confirmed",
): BookingEvent {
  return {
    type: "BookingRequested",
    data: {
      bookingId,
      at,
      by,
      venueId: randomUUID(),
      offeringId: randomUUID(),
      mode: "stay",
      resourceIds: [room],
      guests: 2,
      start: day(nights[0]),
      end: day(nights[1]),
      blockedStart: day(nights[0]),
      blockedEnd: day(nights[1]),
      checkIn: day(nights[0]).slice(0, 10),
      checkOut: day(nights[1]).slice(0, 10),
      price: { amount: 10000, currency: "EUR" },
      bookedBy: { userId: randomUUID() },
      notes: null,
      answers: {},
      status,
      submittedHold: false,
    },
  };
}

function rescheduled(bookingId: string, room: string, nights: [number, number]): BookingEvent {
  const { data } = requested(bookingId, room, nights) as Extract<
    BookingEvent,
    { type: "BookingRequested" }
  >;
  const { resourceIds, guests, start, end, blockedStart, blockedEnd, checkIn, checkOut } = data;
  return {
    type: "BookingRescheduled",
    data: {
      bookingId,
      at: "2030-12-02T10:00:00.000Z",
      by,
      ...{ resourceIds, guests, start, end, blockedStart, blockedEnd, checkIn, checkOut },
      price: data.price,
      status: "confirmed",
    },
  };
}

const simple = (type: "BookingConfirmed" | "BookingCancelled", bookingId: string) =>
  (type === "BookingCancelled"
    ? {
        type,
        data: {
          bookingId,
          at: "2030-12-03T10:00:00.000Z",
          by,
          reason: null,
          overrodeNotice: false,
        },
      }
    : { type, data: { bookingId, at: "2030-12-03T10:00:00.000Z", by } }) as BookingEvent;

const append = (
  store: EventStore,
  bookingId: string,
  events: BookingEvent[],
  expectedVersion: ExpectedVersion,
) => store.append(`booking-${bookingId}`, events, { expectedVersion });

/** The read model of a booking, without what names the run (ids, rooms). */
async function readModel(bookingId: string) {
  const booking = await pool.query(
    `SELECT status, start_at, end_at, hold_expires_at, data - 'bookingId' - 'venueId' - 'offeringId'
       - 'bookedBy' - 'resourceIds' AS data, created_at, updated_at, version
     FROM bookings WHERE id = $1`,
    [bookingId],
  );
  const reservations = await pool.query(
    `SELECT lower(period) AS "from", upper(period) AS "to", blocking FROM reservations
     WHERE booking_id = $1 ORDER BY period`,
    [bookingId],
  );
  return { booking: booking.rows, reservations: reservations.rows };
}

describe("a booking's first events", () => {
  test.each<[string, (id: string, room: string) => BookingEvent[]]>([
    ["a confirmed request", (id, room) => [requested(id, room, [1, 3])]],
    ["a pending request", (id, room) => [requested(id, room, [1, 3], "pending")]],
    [
      "a request confirmed in the same append",
      (id, room) => [requested(id, room, [1, 3], "pending"), simple("BookingConfirmed", id)],
    ],
    [
      "a request cancelled in the same append",
      (id, room) => [requested(id, room, [1, 3]), simple("BookingCancelled", id)],
    ],
  ])("%s: written in one round trip, as handle writes it", async (_, events) => {
    const results = [];
    for (const withPlan of [true, false]) {
      const { store, counts } = countingStore(withPlan);
      const id = randomUUID();
      await append(store, id, events(id, randomUUID()), NO_STREAM);
      results.push({ counts, model: await readModel(id) });
    }
    const [planned, handled] = results;
    expect(planned?.counts).toEqual({ autocommit: 1, transactions: 0 });
    expect(handled?.counts.transactions).toBe(1);
    expect(planned?.model).toEqual(handled?.model);
    expect(planned?.model.booking).toHaveLength(1);
    expect(planned?.model.reservations).toHaveLength(1);
  });

  test("overlapping another booking: the constraint's error, nothing written", async () => {
    const { store, counts } = countingStore(true);
    const room = randomUUID();
    await append(store, randomUUID(), [requested(randomUUID(), room, [10, 13])], NO_STREAM);
    const id = randomUUID();
    const error = await append(store, id, [requested(id, room, [12, 14])], NO_STREAM).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InlineProjectionError);
    expect(error).toMatchObject({
      projection: "bookings",
      sqlState: "23P01",
      constraint: "reservations_no_overlap",
    });
    expect(counts.transactions).toBe(0);
    expect(await store.streamVersion(`booking-${id}`)).toBe(0);
    expect(await readModel(id)).toEqual({ booking: [], reservations: [] });
  });

  test("a stream that exists already: a conflict, the read model unchanged", async () => {
    const { store } = countingStore(true);
    const id = randomUUID();
    await append(store, id, [requested(id, randomUUID(), [20, 22])], NO_STREAM);
    const before = await readModel(id);
    await expect(
      append(store, id, [requested(id, randomUUID(), [30, 32])], NO_STREAM),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(await readModel(id)).toEqual(before);
  });
});

describe("later events (read, then one statement each)", () => {
  test("a move onto nights overlapping its own old ones replaces the reservation", async () => {
    const { store } = countingStore(true);
    const [id, room] = [randomUUID(), randomUUID()];
    await append(store, id, [requested(id, room, [40, 43])], NO_STREAM);
    await append(store, id, [rescheduled(id, room, [41, 44])], 1);
    const { reservations, booking } = await readModel(id);
    expect(reservations).toEqual([
      { from: new Date(day(41)), to: new Date(day(44)), blocking: true },
    ]);
    expect(booking[0]).toMatchObject({ version: 2, status: "confirmed" });
  });

  test("cancelling frees the nights; confirming keeps them blocked", async () => {
    const { store } = countingStore(true);
    const [a, b, room] = [randomUUID(), randomUUID(), randomUUID()];
    await append(store, a, [requested(a, room, [50, 52], "pending")], NO_STREAM);
    await append(store, a, [simple("BookingConfirmed", a)], 1);
    expect((await readModel(a)).reservations).toMatchObject([{ blocking: true }]);
    await expect(append(store, b, [requested(b, room, [50, 52])], NO_STREAM)).rejects.toMatchObject(
      { sqlState: "23P01" },
    );
    await append(store, a, [simple("BookingCancelled", a)], 2);
    expect(await readModel(a)).toMatchObject({
      booking: [{ status: "cancelled", version: 3 }],
      reservations: [{ blocking: false }],
    });
    await append(store, b, [requested(b, room, [50, 52])], NO_STREAM);
    expect((await readModel(b)).reservations).toMatchObject([{ blocking: true }]);
  });
});
