import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Resource, SlotOffering, Venue } from "../catalog/catalog.types.ts";
import {
  closuresArb,
  dateArb,
  openingHoursArb,
  RESOURCE_IDS,
  reservationsArb,
  resourcesArb,
  ZONES,
} from "./availability.arbitraries.ts";
import { policies, slotOffering, venue } from "./availability.fixtures.ts";
import { type BlockingReservation, toEpochMs } from "./blocking-reservation.ts";
import { isClosedOn } from "./closure-calendar.ts";
import { addDays, DAY_MS, MINUTE_MS, weekdayOf } from "./local-date.ts";
import { localToInstant, parseTimeOfDay } from "./local-time.ts";
import { type AvailableSlot, slotAvailability } from "./slot-availability.ts";
import { checkSlotRequest } from "./slot-request-rules.ts";

interface World {
  venue: Venue;
  offering: SlotOffering;
  resources: Resource[];
  reservations: BlockingReservation[];
  from: string;
  to: string;
  now: Date;
  guests: number | undefined;
}

const worldArb: fc.Arbitrary<World> = fc
  .record({ from: dateArb, days: fc.integer({ min: 1, max: 3 }) })
  .chain(({ from, days }) =>
    fc.record({
      venue: fc
        .record({
          timeZone: fc.constantFrom(...ZONES),
          openingHours: openingHoursArb,
          closures: closuresArb(from),
          minNoticeMinutes: fc.integer({ min: 0, max: 600 }),
          maxAdvanceDays: fc.integer({ min: 0, max: 6 }),
        })
        .map(({ minNoticeMinutes, maxAdvanceDays, ...rest }) =>
          venue({ ...rest, policies: policies({ minNoticeMinutes, maxAdvanceDays }) }),
        ),
      offering: fc
        .record({
          durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
          bufferBeforeMinutes: fc.constantFrom(0, 5, 10, 15, 30),
          bufferAfterMinutes: fc.constantFrom(0, 5, 10, 15, 30),
          stepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
        })
        .chain((settings) =>
          fc
            .subarray([...RESOURCE_IDS], { minLength: 1 })
            .map((ids) => slotOffering(settings, ids)),
        ),
      resources: resourcesArb,
      reservations: reservationsArb(from, days),
      from: fc.constant(from),
      to: fc.constant(addDays(from, days)),
      now: fc
        .integer({ min: -2 * 1440, max: 3 * 1440 })
        .map((minutes) => new Date(Date.parse(`${from}T00:00:00Z`) + minutes * MINUTE_MS)),
      guests: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    }),
  );

const overlaps = (a: { start: number; end: number }, r: BlockingReservation) =>
  toEpochMs(r.start) < a.end && toEpochMs(r.end) > a.start;

/** The slow, obvious version: every grid point of every interval, every reservation. */
function referenceSlots(world: World): AvailableSlot[] {
  const { venue: v, offering, now } = world;
  const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes, stepMinutes } = offering.slot;
  const slots: AvailableSlot[] = [];
  for (let date = world.from; date < world.to; date = addDays(date, 1)) {
    if (isClosedOn(v.closures, date)) continue;
    for (const [open, close] of v.openingHours[weekdayOf(date)]) {
      const opens = localToInstant(v.timeZone, date, parseTimeOfDay(open));
      const closes = localToInstant(v.timeZone, date, parseTimeOfDay(close));
      for (let start = opens; start < closes; start += stepMinutes * MINUTE_MS) {
        const blocked = {
          start: start - bufferBeforeMinutes * MINUTE_MS,
          end: start + (durationMinutes + bufferAfterMinutes) * MINUTE_MS,
        };
        if (blocked.start < opens || blocked.end > closes) continue;
        if (start < now.getTime() + v.policies.minNoticeMinutes * MINUTE_MS) continue;
        if (start > now.getTime() + v.policies.maxAdvanceDays * DAY_MS) continue;
        const freeResourceIds = offering.resourceIds.filter((id) => {
          const r = world.resources.find((candidate) => candidate.id === id);
          if (r === undefined || !r.active) return false;
          if (world.guests !== undefined && r.capacity < world.guests) return false;
          return !world.reservations.some((res) => res.resourceId === id && overlaps(blocked, res));
        });
        if (freeResourceIds.length === 0) continue;
        slots.push({
          start: new Date(start).toISOString(),
          end: new Date(start + durationMinutes * MINUTE_MS).toISOString(),
          freeResourceIds,
        });
      }
    }
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start));
}

const RUNS = { numRuns: 300 };

describe("slot availability, random venues, services and reservations", () => {
  test("equals the obvious per-slot, per-reservation computation", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        expect(slotAvailability(world)).toEqual(referenceSlots(world));
      }),
      RUNS,
    );
  });

  test("every slot passes the request rules: on the grid, inside the hours with buffers, open, in time", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        for (const slot of slotAvailability(world)) {
          const failure = checkSlotRequest({ ...world, start: slot.start, guests: 1 });
          expect(failure).toBeNull();
        }
      }),
      RUNS,
    );
  });

  test("no resource listed free has a reservation overlapping the slot's buffered period", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { bufferBeforeMinutes, bufferAfterMinutes } = world.offering.slot;
        for (const slot of slotAvailability(world)) {
          const blocked = {
            start: Date.parse(slot.start) - bufferBeforeMinutes * MINUTE_MS,
            end: Date.parse(slot.end) + bufferAfterMinutes * MINUTE_MS,
          };
          for (const id of slot.freeResourceIds) {
            const clash = world.reservations.find(
              (r) => r.resourceId === id && overlaps(blocked, r),
            );
            expect(clash).toBeUndefined();
          }
        }
      }),
      RUNS,
    );
  });

  test("removing all reservations never takes a slot or a free resource away", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const empty = new Map(
          slotAvailability({ ...world, reservations: [] }).map((s) => [s.start, s.freeResourceIds]),
        );
        for (const slot of slotAvailability(world)) {
          const free = empty.get(slot.start);
          expect(free).toBeDefined();
          for (const id of slot.freeResourceIds) expect(free).toContain(id);
        }
      }),
      RUNS,
    );
  });
});
