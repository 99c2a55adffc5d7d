import type { CreateBookingInput } from "@booking/contracts";
import type { ExistingBooking } from "@booking/domain";
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { restClient } from "../../test/http-client.ts";
import { propertyWorld } from "../../test/property-world.ts";
import { useTestServer } from "../../test/test-server.ts";
import {
  cancelBooking,
  changeBookingStatus,
  createBooking,
  submitHold,
  updateBooking,
} from "../bookings/bookings.service.ts";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";

/**
 * Random sequences of booking commands through the api's services (as its procedures call
 * them), then: the statistics the live projection wrote equal a model computed from the
 * bookings' final states, and a rebuild from the start of the log writes the same rows.
 */
const server = useTestServer();
const call = restClient(() => server().url);

const year = new Date().getUTCFullYear() + 1;
const SLOT_ZONE = "Asia/Tokyo";
let ctx: AppContext;
let house: { offeringId: string; rooms: string[] };
let workshop: { offeringId: string };

beforeAll(async () => {
  const world = await propertyWorld(server(), call, SLOT_ZONE);
  ctx = world.staff;
  house = world.house;
  workshop = world.workshop;
});

const addDays = (days: number) => new Date(Date.UTC(year, 0, 10 + days)).toISOString().slice(0, 10);
const slotStart = (days: number, slot: number) => {
  const minutes = 8 * 60 + 15 + 15 * slot;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return `${addDays(days)}T${time}:00+09:00`;
};

const command = fc.oneof(
  fc.record({
    kind: fc.constant("stay" as const),
    rooms: fc.subarray([0, 1, 2], { minLength: 1, maxLength: 2 }),
    day: fc.integer({ min: 0, max: 50 }),
    nights: fc.integer({ min: 1, max: 6 }),
    guests: fc.integer({ min: 1, max: 4 }),
    hold: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("slot" as const),
    day: fc.integer({ min: 0, max: 50 }),
    slot: fc.integer({ min: 0, max: 30 }),
    hold: fc.boolean(),
  }),
  fc.record({
    kind: fc.constantFrom("confirm" as const, "reject" as const, "cancel" as const),
    target: fc.nat(),
  }),
  fc.record({ kind: fc.constant("submit" as const), target: fc.nat() }),
  fc.record({
    kind: fc.constant("move" as const),
    target: fc.nat(),
    days: fc.integer({ min: -20, max: 20 }),
    slot: fc.integer({ min: 0, max: 30 }),
  }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

/** Every booking that was ever requested (not only held), across runs. */
const requested = new Set<string>();

/** `made`: the bookings of this run, which its commands address by index. */
async function run(step: Command, made: string[]): Promise<void> {
  const target = "target" in step ? made[step.target % Math.max(made.length, 1)] : undefined;
  switch (step.kind) {
    case "stay":
    case "slot": {
      const body: CreateBookingInput =
        step.kind === "stay"
          ? {
              offeringId: house.offeringId,
              resourceIds: step.rooms.map((room) => house.rooms[room] ?? ""),
              checkIn: addDays(step.day),
              checkOut: addDays(step.day + step.nights),
              guests: step.guests,
            }
          : { offeringId: workshop.offeringId, start: slotStart(step.day, step.slot), guests: 1 };
      const { booking } = await createBooking(
        ctx,
        body,
        step.hold ? "HoldBooking" : "RequestBooking",
      );
      made.push(booking.id);
      if (!step.hold) requested.add(booking.id);
      return;
    }
    case "submit":
      if (!target) return;
      await submitHold(ctx, { holdId: target });
      requested.add(target);
      return;
    case "confirm":
      if (target) await changeBookingStatus(ctx, target, { type: "ConfirmBooking" });
      return;
    case "reject":
      if (target) await changeBookingStatus(ctx, target, { type: "RejectBooking", reason: "no" });
      return;
    case "cancel":
      if (target) await cancelBooking(ctx, target, undefined);
      return;
    case "move": {
      if (!target) return;
      const row = await ctx.deps.database.db
        .selectFrom("bookings")
        .select("data")
        .where("id", "=", target)
        .executeTakeFirstOrThrow();
      const booking = row.data;
      const patch =
        booking.mode === "stay" && booking.checkIn && booking.checkOut
          ? {
              checkIn: shift(booking.checkIn, step.days),
              checkOut: shift(booking.checkOut, step.days),
            }
          : { start: slotStart(Math.max(0, daysFromBase(booking.start) + step.days), step.slot) };
      await updateBooking(ctx, target, patch);
      return;
    }
  }
}

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysFromBase = (instant: string) =>
  Math.floor((Date.parse(instant) - Date.UTC(year, 0, 10)) / 86_400_000);

/** Refusals (a taken room, a closed day, a status that does not allow it) are expected. */
async function attempt(step: Command, made: string[]): Promise<void> {
  try {
    await run(step, made);
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "INTERNAL") throw error;
  }
}

/** Time passes: holds run out, ended bookings complete (the booking jobs, a year later). */
async function timePasses(): Promise<void> {
  const later = new Date(Date.UTC(year + 2, 0, 1));
  const jobs = (await import("../bookings/booking.jobs.ts")).bookingJobs(ctx.deps);
  for (const job of jobs) {
    if (job.name === "expire-holds" || job.name === "complete-bookings") {
      while ((await job.run(later)) > 0) {}
    }
  }
}

type Row = Record<string, unknown>;

async function snapshot(): Promise<{ monthly: Row[]; bookings: Row[] }> {
  const { db } = ctx.deps.database;
  const monthly = await db
    .selectFrom("statistics_monthly")
    .selectAll()
    .orderBy("venue_id")
    .orderBy("month")
    .execute();
  const bookings = await db
    .selectFrom("statistics_bookings")
    .selectAll()
    .orderBy("booking_id")
    .execute();
  return { monthly, bookings };
}

/** The tables' identities: a rebuild swaps in new ones. */
async function tableIds(): Promise<string> {
  const { rows } = await ctx.deps.database.pool.query<{ ids: string }>(
    "SELECT concat_ws(' ', 'statistics_monthly'::regclass::oid, 'statistics_bookings'::regclass::oid) AS ids",
  );
  return rows[0]?.ids ?? "";
}

async function eventually(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("gave up waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function settled(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = await ctx.deps.projections.status("statistics");
    if (status.state === "running" && status.lag === 0) return;
    if (Date.now() > deadline) throw new Error(`statistics not settled: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const localMonth = (instant: string, timeZone: string) => {
  const parts = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "2-digit" })
    .formatToParts(new Date(instant))
    .map((part) => [part.type, part.value]);
  const { year: y, month } = Object.fromEntries(parts);
  return `${y}-${month}`;
};

/** The statistics as docs/api.md defines them, from the bookings' final states. */
async function model(): Promise<Row[]> {
  const rows = await ctx.deps.database.db.selectFrom("bookings").select("data").execute();
  const months = new Map<string, Record<string, number>>();
  const add = (venueId: string, month: string, figures: Record<string, number>) => {
    const key = `${venueId} ${month}`;
    const sum = months.get(key) ?? {};
    for (const [figure, value] of Object.entries(figures)) sum[figure] = (sum[figure] ?? 0) + value;
    months.set(key, sum);
  };
  for (const { data } of rows) {
    const booking: ExistingBooking = data;
    if (!requested.has(booking.bookingId)) continue;
    const counted = booking.status === "confirmed" || booking.status === "completed";
    const rooms = booking.resourceIds.length;
    const stay = booking.mode === "stay" && booking.checkIn && booking.checkOut;
    const nights = stay
      ? ((Date.parse(booking.checkOut ?? "") - Date.parse(booking.checkIn ?? "")) / 86_400_000) *
        rooms
      : 1;
    const month = stay ? (booking.checkIn ?? "").slice(0, 7) : localMonth(booking.start, SLOT_ZONE);
    add(booking.venueId, month, {
      bookings: 1,
      confirmed: counted ? 1 : 0,
      cancelled: booking.status === "cancelled" ? 1 : 0,
      guests: counted ? booking.guests : 0,
      nights: counted ? nights : 0,
      revenue: counted ? booking.price.amount : 0,
    });
    if (!counted) continue;
    if (stay) {
      for (
        let night = booking.checkIn ?? "";
        night < (booking.checkOut ?? "");
        night = shift(night, 1)
      ) {
        add(booking.venueId, night.slice(0, 7), { room_nights: rooms });
      }
    } else {
      const minutes = (Date.parse(booking.end) - Date.parse(booking.start)) / 60_000;
      add(booking.venueId, month, { slot_minutes: minutes * rooms });
    }
  }
  const columns = ["bookings", "confirmed", "cancelled", "guests", "nights", "revenue"];
  return [...months]
    .map(([key, sum]) => {
      const [venueId, month] = key.split(" ");
      const row: Row = { venue_id: venueId, month };
      for (const column of [...columns, "room_nights", "slot_minutes"])
        row[column] = sum[column] ?? 0;
      return row;
    })
    .filter((row) =>
      Object.entries(row).some(
        ([key, value]) => key !== "month" && value !== 0 && key !== "venue_id",
      ),
    )
    .sort((a, b) => `${a.venue_id} ${a.month}`.localeCompare(`${b.venue_id} ${b.month}`));
}

const comparable = (rows: Row[]) =>
  rows.map((row) => ({
    ...row,
    revenue: Number(row.revenue),
    slot_minutes: Number(row.slot_minutes),
  }));

test("live statistics equal the model, and a rebuild from the start of the log writes the same rows", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(command, { minLength: 10, maxLength: 35 }),
      fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      async (commands, later) => {
        const made: string[] = [];
        for (const step of commands) await attempt(step, made);
        if (later) await timePasses();
        await settled();
        const live = await snapshot();
        expect(comparable(live.monthly)).toEqual(comparable(await model()));

        const served = await tableIds();
        await ctx.deps.projections.rebuild("statistics", null);
        await eventually(async () => (await tableIds()) !== served);
        await settled();
        const rebuilt = await snapshot();
        expect(rebuilt).toEqual(live);
      },
    ),
    { numRuns: 25 },
  );
}, 240_000);
