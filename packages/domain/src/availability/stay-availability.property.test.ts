import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Resource, StayOffering, Venue } from "../catalog/catalog.types.ts";
import {
  closuresArb,
  dateArb,
  RESOURCE_IDS,
  reservationsArb,
  resourcesArb,
  ZONES,
} from "./availability.arbitraries.ts";
import { policies, resource, stayOffering, venue } from "./availability.fixtures.ts";
import { type BlockingReservation, toEpochMs } from "./blocking-reservation.ts";
import { isClosedOn } from "./closure-calendar.ts";
import { addDays, DAY_MS, MINUTE_MS } from "./local-date.ts";
import { localToInstant, parseTimeOfDay } from "./local-time.ts";
import { type NightAvailability, stayAvailability } from "./stay-availability.ts";
import { stayPeriodMs } from "./stay-period.ts";

interface World {
  venue: Venue;
  offering: StayOffering;
  resources: Resource[];
  reservations: BlockingReservation[];
  from: string;
  to: string;
  guests: number | undefined;
  now: Date | undefined;
}

const DAYS = 6;

const worldArb: fc.Arbitrary<World> = dateArb.chain((from) =>
  fc.record({
    venue: fc
      .record({
        timeZone: fc.constantFrom(...ZONES),
        closures: closuresArb(from),
        minNoticeMinutes: fc.integer({ min: 0, max: 2000 }),
        maxAdvanceDays: fc.integer({ min: 0, max: 8 }),
      })
      .map(({ minNoticeMinutes, maxAdvanceDays, ...rest }) =>
        venue({ ...rest, policies: policies({ minNoticeMinutes, maxAdvanceDays }) }),
      ),
    offering: fc
      .record({
        checkInTime: fc.constantFrom("14:00", "15:00", "02:30", "00:00"),
        checkOutTime: fc.constantFrom("10:00", "11:30", "00:00", "02:15"),
        ids: fc.subarray([...RESOURCE_IDS], { minLength: 1 }),
      })
      .map(({ ids, ...times }) => stayOffering(times, ids)),
    resources: resourcesArb,
    reservations: reservationsArb(from, DAYS).chain((short) =>
      // Add stay-shaped reservations too: nights long, not only minutes.
      fc
        .array(
          fc.record({
            resourceId: fc.constantFrom(...RESOURCE_IDS),
            startMinute: fc.integer({ min: -1440, max: DAYS * 1440 }),
            minutes: fc.integer({ min: 60, max: 4 * 1440 }),
          }),
          { maxLength: 8 },
        )
        .map((long) => [
          ...short,
          ...long.map(({ resourceId, startMinute, minutes }) => {
            const start = Date.parse(`${from}T00:00:00Z`) + startMinute * MINUTE_MS;
            return { resourceId, start, end: new Date(start + minutes * MINUTE_MS) };
          }),
        ]),
    ),
    from: fc.constant(from),
    to: fc.constant(addDays(from, DAYS)),
    guests: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    now: fc.option(
      fc
        .integer({ min: -3 * 1440, max: 4 * 1440 })
        .map((m) => new Date(Date.parse(`${from}T00:00:00Z`) + m * MINUTE_MS)),
      { nil: undefined },
    ),
  }),
);

function referenceNights(world: World): NightAvailability[] {
  const { venue: v, offering } = world;
  const nights: NightAvailability[] = [];
  for (let date = world.from; date < world.to; date = addDays(date, 1)) {
    const start = localToInstant(v.timeZone, date, parseTimeOfDay(offering.stay.checkInTime));
    const end = localToInstant(
      v.timeZone,
      addDays(date, 1),
      parseTimeOfDay(offering.stay.checkOutTime),
    );
    const now = world.now?.getTime();
    const inTime =
      now === undefined ||
      (start >= now + v.policies.minNoticeMinutes * MINUTE_MS &&
        start <= now + v.policies.maxAdvanceDays * DAY_MS);
    const freeResourceIds =
      isClosedOn(v.closures, date) || !inTime
        ? []
        : offering.resourceIds.filter((id) => {
            const room = world.resources.find((r) => r.id === id);
            if (room === undefined || !room.active) return false;
            if (world.guests !== undefined && room.capacity < world.guests) return false;
            return !world.reservations.some(
              (r) => r.resourceId === id && toEpochMs(r.start) < end && toEpochMs(r.end) > start,
            );
          });
    nights.push({ date, freeResourceIds });
  }
  return nights;
}

const RUNS = { numRuns: 300 };

describe("stay availability, random venues, rooms and reservations", () => {
  test("equals the obvious per-night, per-reservation computation", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        expect(stayAvailability(world)).toEqual(referenceNights(world));
      }),
      RUNS,
    );
  });

  test("a room listed free for a night has no reservation overlapping that night", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        for (const night of stayAvailability(world)) {
          const { start, end } = stayPeriodMs(
            world.offering,
            world.venue.timeZone,
            night.date,
            addDays(night.date, 1),
          );
          for (const id of night.freeResourceIds) {
            const clash = world.reservations.find(
              (r) => r.resourceId === id && toEpochMs(r.start) < end && toEpochMs(r.end) > start,
            );
            expect(clash).toBeUndefined();
          }
        }
      }),
      RUNS,
    );
  });

  test("removing all reservations never takes a free room away", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const empty = stayAvailability({ ...world, reservations: [] });
        stayAvailability(world).forEach((night, i) => {
          for (const id of night.freeResourceIds) expect(empty[i]?.freeResourceIds).toContain(id);
        });
      }),
      RUNS,
    );
  });

  test("given only stays of this offering, nights shown free can be booked as one stay", () => {
    const offering = stayOffering({}, ["x-1"]);
    const home = venue();
    const stayArb = fc.record({
      first: fc.integer({ min: 0, max: 10 }),
      nights: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(stayArb, { maxLength: 6 }), stayArb, dateArb, (booked, wish, from) => {
        const periodOf = (s: { first: number; nights: number }) =>
          stayPeriodMs(
            offering,
            home.timeZone,
            addDays(from, s.first),
            addDays(from, s.first + s.nights),
          );
        const reservations = booked.map((s) => ({ resourceId: "x-1", ...periodOf(s) }));
        const nights = stayAvailability({
          offering,
          venue: home,
          resources: [resource("x-1", { capacity: 4 })],
          reservations,
          from: addDays(from, wish.first),
          to: addDays(from, wish.first + wish.nights),
        });
        const allFree = nights.every((n) => n.freeResourceIds.includes("x-1"));
        const wished = periodOf(wish);
        const clashes = reservations.some((r) => r.start < wished.end && r.end > wished.start);
        expect(allFree).toBe(!clashes);
      }),
      RUNS,
    );
  });
});
