import fc from "fast-check";
import type { Closure, OpeningHours, OpeningInterval, Resource } from "../catalog/catalog.types.ts";
import { resource } from "./availability.fixtures.ts";
import type { BlockingReservation } from "./blocking-reservation.ts";
import { addDays, DAY_MS, dayNumber, MINUTE_MS } from "./local-date.ts";
import { formatTimeOfDay } from "./local-time.ts";

/** Generators for the availability properties; dates lean towards the 2027 DST weekends. */

export const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"];
export const RESOURCE_IDS = ["x-1", "x-2", "x-3", "x-4"] as const;

export const dateArb = fc.oneof(
  fc.constantFrom("2027-03-27", "2027-03-28", "2027-10-30", "2027-10-31", "2027-10-02"),
  fc.integer({ min: 0, max: 364 }).map((day) => addDays("2027-01-01", day)),
);

const intervalsArb: fc.Arbitrary<OpeningInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: OpeningInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      intervals.push([
        formatTimeOfDay((sorted[i] as number) * 15),
        formatTimeOfDay((sorted[i + 1] as number) * 15),
      ]);
    }
    return intervals;
  });

export const openingHoursArb: fc.Arbitrary<OpeningHours> = fc.record({
  mon: intervalsArb,
  tue: intervalsArb,
  wed: intervalsArb,
  thu: intervalsArb,
  fri: intervalsArb,
  sat: intervalsArb,
  sun: intervalsArb,
});

export const closuresArb = (from: string): fc.Arbitrary<Closure[]> =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -2, max: 6 }), fc.integer({ min: 0, max: 2 }))
      .map(([start, length]) => ({
        from: addDays(from, start),
        to: addDays(from, start + length),
      })),
    { maxLength: 2 },
  );

export const resourcesArb: fc.Arbitrary<Resource[]> = fc
  .tuple(
    ...RESOURCE_IDS.slice(0, 3).map((id) =>
      fc
        .record({ capacity: fc.integer({ min: 1, max: 6 }), active: fc.boolean() })
        .map((fields) => resource(id, fields)),
    ),
  )
  .map((resources) => [...resources]);

/** Reservations scattered around [from − 1 day, to + 1 day), any length up to five hours. */
export const reservationsArb = (
  from: string,
  days: number,
): fc.Arbitrary<BlockingReservation[]> => {
  const origin = (dayNumber(from) - 1) * DAY_MS;
  return fc.array(
    fc
      .record({
        resourceId: fc.constantFrom(...RESOURCE_IDS),
        // Multiples of five make reservations touch slot and night boundaries often.
        startMinute: fc.integer({ min: 0, max: (days + 2) * 288 }).map((m) => m * 5),
        minutes: fc.integer({ min: 1, max: 60 }).map((m) => m * 5),
      })
      .map(({ resourceId, startMinute, minutes }) => ({
        resourceId,
        start: new Date(origin + startMinute * MINUTE_MS).toISOString(),
        end: origin + (startMinute + minutes) * MINUTE_MS,
      })),
    { maxLength: 40 },
  );
};
