import type { CreateBookingInput } from "@booking/contracts";
import type { ExistingBooking } from "@booking/domain";
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { restClient } from "../../test/http-client.ts";
import { propertyWorld } from "../../test/property-world.ts";
import { useTestServer } from "../../test/test-server.ts";
import { bookingJobs } from "../bookings/booking.jobs.ts";
import {
  cancelBooking,
  changeBookingStatus,
  createBooking,
  submitHold,
  updateBooking,
} from "../bookings/bookings.service.ts";
import { type AppContext, internalContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { CALENDAR_STATUSES } from "./calendar.projection.ts";

/**
 * Random sequences of booking commands through the api's services (as its procedures call
 * them), by the owner and by guests, then: the calendar rows the live projection wrote
 * equal a model made from the bookings' final states, and a rebuild from the start of the
 * log writes the same rows.
 */
const server = useTestServer();
const call = restClient(() => server().url);

const year = new Date().getUTCFullYear() + 1;
let staff: AppContext;
let guest: AppContext;
let house: { offeringId: string; rooms: string[] };
let workshop: { offeringId: string };

beforeAll(async () => {
  const world = await propertyWorld(server(), call, "Pacific/Auckland");
  staff = world.staff;
  guest = internalContext(server().deps, { kind: "anonymous" }, "property-guest");
  house = world.house;
  workshop = world.workshop;
});

const addDays = (days: number) => new Date(Date.UTC(year, 0, 10 + days)).toISOString().slice(0, 10);
const slotStart = (days: number, slot: number) => {
  const minutes = 8 * 60 + 15 + 15 * slot;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return `${addDays(days)}T${time}:00+13:00`;
};
const contact = { name: "Gisela Gast", email: "gisela@example.org", phone: "+64 21 555 0303" };

const command = fc.oneof(
  fc.record({
    kind: fc.constant("stay" as const),
    rooms: fc.subarray([0, 1, 2], { minLength: 1, maxLength: 3 }),
    day: fc.integer({ min: 0, max: 50 }),
    nights: fc.integer({ min: 1, max: 6 }),
    hold: fc.boolean(),
    asGuest: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("slot" as const),
    day: fc.integer({ min: 0, max: 50 }),
    slot: fc.integer({ min: 0, max: 30 }),
    hold: fc.boolean(),
    asGuest: fc.boolean(),
  }),
  fc.record({
    kind: fc.constantFrom("confirm" as const, "reject" as const, "cancel" as const),
    target: fc.nat(),
  }),
  fc.record({ kind: fc.constantFrom("submit" as const, "edit" as const), target: fc.nat() }),
  fc.record({
    kind: fc.constant("move" as const),
    target: fc.nat(),
    days: fc.integer({ min: -20, max: 20 }),
    slot: fc.integer({ min: 0, max: 30 }),
    rooms: fc.option(fc.subarray([0, 1, 2], { minLength: 1, maxLength: 3 })),
  }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

/** `made`: the bookings of this run, which its commands address by index. */
async function run(step: Command, made: string[]): Promise<void> {
  const target = "target" in step ? made[step.target % Math.max(made.length, 1)] : undefined;
  switch (step.kind) {
    case "stay":
    case "slot": {
      const base: CreateBookingInput =
        step.kind === "stay"
          ? {
              offeringId: house.offeringId,
              resourceIds: step.rooms.map((room) => house.rooms[room] ?? ""),
              checkIn: addDays(step.day),
              checkOut: addDays(step.day + step.nights),
              guests: 1,
            }
          : { offeringId: workshop.offeringId, start: slotStart(step.day, step.slot), guests: 1 };
      const { booking } = await createBooking(
        step.asGuest ? guest : staff,
        step.asGuest ? { ...base, guest: contact } : base,
        step.hold ? "HoldBooking" : "RequestBooking",
      );
      made.push(booking.id);
      return;
    }
    case "submit":
      if (target) await submitHold(staff, { holdId: target });
      return;
    case "edit":
      if (target) await updateBooking(staff, target, { notes: "late arrival" });
      return;
    case "confirm":
      if (target) await changeBookingStatus(staff, target, { type: "ConfirmBooking" });
      return;
    case "reject":
      if (target) await changeBookingStatus(staff, target, { type: "RejectBooking", reason: "no" });
      return;
    case "cancel":
      if (target) await cancelBooking(staff, target, undefined);
      return;
    case "move": {
      if (!target) return;
      const row = await staff.deps.database.db
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
              ...(step.rooms
                ? { resourceIds: step.rooms.map((room) => house.rooms[room] ?? "") }
                : {}),
            }
          : { start: slotStart(Math.max(0, daysFromBase(booking.start) + step.days), step.slot) };
      await updateBooking(staff, target, patch);
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
  for (const job of bookingJobs(staff.deps)) {
    if (job.name === "expire-holds" || job.name === "complete-bookings") {
      while ((await job.run(later)) > 0) {}
    }
  }
}

type Row = Record<string, unknown>;

async function snapshot(): Promise<Row[]> {
  return staff.deps.database.db
    .selectFrom("calendar_entries")
    .selectAll()
    .orderBy("booking_id")
    .orderBy("resource_id")
    .execute();
}

/** The table's identity: a rebuild swaps in a new one. */
async function tableId(): Promise<string> {
  const { rows } = await staff.deps.database.pool.query<{ id: string }>(
    "SELECT 'calendar_entries'::regclass::oid::text AS id",
  );
  return rows[0]?.id ?? "";
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
    const status = await staff.deps.projections.status("calendar");
    if (status.state === "running" && status.lag === 0) return;
    if (Date.now() > deadline) throw new Error(`calendar not settled: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The calendar as docs/api.md defines it, from the bookings' final states. */
async function model(): Promise<Row[]> {
  const rows = await staff.deps.database.db
    .selectFrom("bookings")
    .select(["data", "user_id"])
    .execute();
  const shown: readonly string[] = CALENDAR_STATUSES;
  return rows
    .flatMap(({ data, user_id }) => {
      const booking: ExistingBooking = data;
      if (!shown.includes(booking.status)) return [];
      return booking.resourceIds.map((resourceId) => ({
        booking_id: booking.bookingId,
        resource_id: resourceId,
        venue_id: booking.venueId,
        status: booking.status,
        start_at: new Date(booking.start),
        end_at: new Date(booking.end),
        check_in: booking.checkIn,
        check_out: booking.checkOut,
        user_id,
      }));
    })
    .sort((a, b) => {
      const left = `${a.booking_id} ${a.resource_id}`;
      const right = `${b.booking_id} ${b.resource_id}`;
      return left < right ? -1 : left > right ? 1 : 0;
    });
}

test("the live calendar equals the model, and a rebuild from the start of the log writes the same rows", async () => {
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
        expect(live).toEqual(await model());

        const served = await tableId();
        await staff.deps.projections.rebuild("calendar", null);
        await eventually(async () => (await tableId()) !== served);
        await settled();
        expect(await snapshot()).toEqual(live);
      },
    ),
    { numRuns: 25 },
  );
}, 240_000);
