import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, DAY_MS, HOUR_MS, MINUTE_MS } from "./local-date.ts";
import { instantToLocal, localToInstant } from "./local-time.ts";
import { zoneOffsetFromIntl, zoneOffsetMs } from "./zone-offset.ts";

const STEP = 15 * MINUTE_MS;
const YEAR_START = Date.parse("2027-01-01T00:00:00Z");
const YEAR_END = Date.parse("2028-01-01T00:00:00Z");

/** The 2027 rules of each zone written out by hand, independent of Intl. */
const ORACLES: Record<string, (epochMs: number) => number> = {
  "Europe/Berlin": (t) =>
    t >= Date.parse("2027-03-28T01:00:00Z") && t < Date.parse("2027-10-31T01:00:00Z")
      ? 2 * HOUR_MS
      : HOUR_MS,
  "America/New_York": (t) =>
    t >= Date.parse("2027-03-14T07:00:00Z") && t < Date.parse("2027-11-07T06:00:00Z")
      ? -4 * HOUR_MS
      : -5 * HOUR_MS,
  "Australia/Lord_Howe": (t) =>
    t >= Date.parse("2027-04-03T15:00:00Z") && t < Date.parse("2027-10-02T15:30:00Z")
      ? 10.5 * HOUR_MS
      : 11 * HOUR_MS,
  "Asia/Kolkata": () => 5.5 * HOUR_MS,
};

/** 15-minute points of the repeated (autumn) and skipped (spring) local hour in 2027. */
const EXPECTED_FOLD_POINTS: Record<string, number> = {
  "Europe/Berlin": 4,
  "America/New_York": 4,
  "Australia/Lord_Howe": 2,
  "Asia/Kolkata": 0,
};

describe.each(Object.keys(ORACLES))("%s, all of 2027 at 15-minute resolution", (zone) => {
  const oracle = ORACLES[zone] as (epochMs: number) => number;
  const foldPoints = EXPECTED_FOLD_POINTS[zone];

  // Mismatches are collected and compared once: an expect per point would dominate the run.
  test("instant → local agrees with the zone's rules; back again gives the first occurrence", () => {
    const mismatches: string[] = [];
    let secondOccurrences = 0;
    for (let t = YEAR_START; t < YEAR_END; t += STEP) {
      const local = instantToLocal(zone, t);
      const wall = t + oracle(t);
      const date = new Date(wall).toISOString().slice(0, 10);
      const minutes = Math.floor((wall % DAY_MS) / MINUTE_MS);
      if (local.date !== date || local.minutes !== minutes) mismatches.push(`read ${t}`);
      const back = localToInstant(zone, local.date, local.minutes);
      if (back !== t) {
        // Only the second run of a repeated hour may map elsewhere: to the first run.
        secondOccurrences++;
        if (back !== t - (oracle(back) - oracle(t)) || back >= t) mismatches.push(`back ${t}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(secondOccurrences).toBe(foldPoints);
  });

  test("local → instant is monotonic, exact where the time exists, the gap's end where not", () => {
    const mismatches: string[] = [];
    let skipped = 0;
    let previous = Number.NEGATIVE_INFINITY;
    let previousSkipped = false;
    for (let date = "2027-01-01"; date < "2028-01-01"; date = addDays(date, 1)) {
      for (let minutes = 0; minutes < 1440; minutes += 15) {
        const t = localToInstant(zone, date, minutes);
        const local = instantToLocal(zone, t);
        if (local.date !== date || local.minutes !== minutes) {
          skipped++;
          // A skipped time lands where the offset jumps forward, read as a later wall time.
          const atJump = oracle(t) - oracle(t - 1000) > 0;
          if (local.date !== date || local.minutes <= minutes || !atJump || t < previous) {
            mismatches.push(`skipped ${date} ${minutes}`);
          }
          previousSkipped = true;
        } else {
          // The first existing time after a gap shares the gap's instant; all others advance.
          if (previousSkipped ? t !== previous : t <= previous) {
            mismatches.push(`order ${date} ${minutes}`);
          }
          previousSkipped = false;
        }
        previous = t;
      }
    }
    expect(mismatches).toEqual([]);
    expect(skipped).toBe(foldPoints);
  });
});

describe("offset memo", () => {
  const zones = [
    "Europe/Berlin",
    "Europe/Dublin",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kathmandu",
    "Antarctica/Troll",
    "America/Sao_Paulo",
  ];

  test("equals a fresh Intl reading at any instant 1970–2100", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: Date.parse("2100-01-01T00:00:00Z") }),
        (zone, t) => {
          expect(zoneOffsetMs(zone, t)).toBe(zoneOffsetFromIntl(zone, t));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  test("local → instant → local round-trips any existing minute (random zones and dates)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 365 * 80 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, day, minutes) => {
          const date = new Date(Date.UTC(1990, 0, 1) + day * DAY_MS).toISOString().slice(0, 10);
          const t = localToInstant(zone, date, minutes);
          const local = instantToLocal(zone, t);
          const exists = local.date === date && local.minutes === minutes;
          // A non-existent minute must sit right at an offset change.
          if (!exists) expect(zoneOffsetMs(zone, t - 1000)).not.toBe(zoneOffsetMs(zone, t));
          // The first occurrence: a minute earlier (if it exists) is never later.
          expect(localToInstant(zone, date, Math.max(0, minutes - 1))).toBeLessThanOrEqual(t);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
