import { describe, expect, test } from "vitest";
import type { OpeningHours, SlotSettings, Venue } from "../catalog/catalog.types.ts";
import {
  BERLIN,
  CLOSED_ALL_WEEK,
  LONG_BEFORE,
  policies,
  reservation,
  resource,
  slotOffering,
  venue,
} from "./availability.fixtures.ts";
import type { BlockingReservation } from "./blocking-reservation.ts";
import { addDays } from "./local-date.ts";
import { formatTimeOfDay, instantToLocal } from "./local-time.ts";
import { type AvailableSlot, slotAvailability, slotsOnDate } from "./slot-availability.ts";
import { slotPeriod } from "./slot-period.ts";

const BAYS = [resource("b-1"), resource("b-2")];
const NIGHT_AND_DAY: OpeningHours = {
  ...CLOSED_ALL_WEEK,
  sun: [
    ["01:00", "04:00"],
    ["08:00", "17:00"],
  ],
};

interface Setup {
  venue?: Venue;
  slot?: Partial<SlotSettings>;
  reservations?: BlockingReservation[];
  now?: Date;
}

function given(setup: Setup = {}) {
  const offering = slotOffering(setup.slot);
  const base = {
    offering,
    venue: setup.venue ?? venue(),
    resources: BAYS,
    reservations: setup.reservations ?? [],
    now: setup.now ?? LONG_BEFORE,
  };
  return {
    slotsOn: (date: string) => slotsOnDate({ ...base, date }),
    slotsFrom: (from: string, to: string) => slotAvailability({ ...base, from, to }),
  };
}

const localStarts = (slots: AvailableSlot[]) =>
  slots.map((slot) => formatTimeOfDay(instantToLocal(BERLIN, Date.parse(slot.start)).minutes));
const utcStarts = (slots: AvailableSlot[]) => slots.map((slot) => slot.start.slice(11, 16));

describe("slots on DST days in Europe/Berlin", () => {
  const dstVenue = venue({ openingHours: NIGHT_AND_DAY });

  test("spring, 01:00–04:00: the skipped hour has no slots; the interval lasts two hours", () => {
    const slots = given({ venue: dstVenue, slot: { durationMinutes: 30, stepMinutes: 30 } })
      .slotsOn("2027-03-28")
      .filter((slot) => slot.start < "2027-03-28T05:00");
    expect(utcStarts(slots)).toEqual(["00:00", "00:30", "01:00", "01:30"]);
    expect(localStarts(slots)).toEqual(["01:00", "01:30", "03:00", "03:30"]);
  });

  test("autumn, 01:00–04:00: both runs of 02:00–03:00 get slots; the interval lasts four hours", () => {
    const slots = given({ venue: dstVenue, slot: { durationMinutes: 30, stepMinutes: 30 } })
      .slotsOn("2027-10-31")
      .filter((slot) => slot.start < "2027-10-31T06:00");
    expect(slots.map((slot) => slot.start)).toEqual([
      "2027-10-30T23:00:00.000Z",
      "2027-10-30T23:30:00.000Z",
      "2027-10-31T00:00:00.000Z",
      "2027-10-31T00:30:00.000Z",
      "2027-10-31T01:00:00.000Z",
      "2027-10-31T01:30:00.000Z",
      "2027-10-31T02:00:00.000Z",
      "2027-10-31T02:30:00.000Z",
    ]);
    expect(localStarts(slots)).toEqual([
      "01:00",
      "01:30",
      "02:00",
      "02:30",
      "02:00",
      "02:30",
      "03:00",
      "03:30",
    ]);
  });

  test.each([
    ["2027-03-28", "06:00"],
    ["2027-10-31", "07:00"],
  ])(
    "normal hours 08:00–17:00 on %s start at 08:00 local and give nine hourly slots",
    (date, utc) => {
      const slots = given({ venue: dstVenue })
        .slotsOn(date)
        .filter((slot) => (localStarts([slot])[0] as string) >= "08:00");
      expect(slots).toHaveLength(9);
      expect(utcStarts(slots)[0]).toBe(utc);
      expect(localStarts(slots)).toEqual([
        "08:00",
        "09:00",
        "10:00",
        "11:00",
        "12:00",
        "13:00",
        "14:00",
        "15:00",
        "16:00",
      ]);
    },
  );

  test("a 90-minute service with buffers fits the two-hour spring night only once", () => {
    const slots = given({
      venue: dstVenue,
      slot: {
        durationMinutes: 90,
        bufferBeforeMinutes: 15,
        bufferAfterMinutes: 15,
        stepMinutes: 15,
      },
    }).slotsOn("2027-03-28");
    expect(localStarts(slots).filter((t) => t < "08:00")).toEqual(["01:15"]);
  });
});

describe("across midnight", () => {
  const lateHours: OpeningHours = {
    ...CLOSED_ALL_WEEK,
    sat: [["22:00", "24:00"]],
    sun: [["00:00", "02:00"]],
  };

  test('"24:00" closes the interval at local midnight, also before each DST night', () => {
    for (const saturday of ["2027-03-27", "2027-10-30", "2027-06-12"]) {
      const slots = given({ venue: venue({ openingHours: lateHours }) }).slotsOn(saturday);
      expect(localStarts(slots)).toEqual(["22:00", "23:00"]);
      expect(instantToLocal(BERLIN, Date.parse(slots[1]?.end ?? ""))).toEqual({
        date: addDays(saturday, 1),
        minutes: 0,
      });
    }
  });

  test("a night is two intervals: a slot never spans midnight", () => {
    const slots = given({
      venue: venue({ openingHours: lateHours }),
      slot: { durationMinutes: 120, stepMinutes: 30 },
    }).slotsFrom("2027-06-12", "2027-06-14");
    expect(slots.map((s) => s.start)).toEqual([
      "2027-06-12T20:00:00.000Z",
      "2027-06-12T22:00:00.000Z",
    ]);
  });
});

describe("closures, buffers, notice and advance", () => {
  test("given a closure, then its dates (to inclusive) have no slots", () => {
    const closed = venue({ closures: [{ from: "2027-06-08", to: "2027-06-09" }] });
    const slots = given({ venue: closed }).slotsFrom("2027-06-07", "2027-06-11");
    expect([...new Set(slots.map((s) => s.start.slice(0, 10)))]).toEqual([
      "2027-06-07",
      "2027-06-10",
    ]);
  });

  test("given a neighbouring booking with buffers, then both buffers separate the slots", () => {
    const settings = {
      durationMinutes: 60,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      stepMinutes: 15,
    };
    // Someone has b-1 11:00–12:00 local, reserved with buffers 10:45–12:15.
    const taken = slotPeriod(slotOffering(settings), "2027-06-09T09:00:00Z");
    const slots = given({
      slot: settings,
      reservations: [reservation("b-1", taken.start, taken.end)],
    }).slotsOn("2027-06-09");
    const withB1 = localStarts(slots.filter((s) => s.freeResourceIds.includes("b-1")));
    expect(withB1.filter((t) => t >= "09:00" && t <= "13:00")).toEqual([
      "09:00",
      "09:15",
      "09:30",
      "12:30",
      "12:45",
      "13:00",
    ]);
    // b-2 is untouched, so every slot is still offered.
    expect(slots.every((s) => s.freeResourceIds.includes("b-2"))).toBe(true);
  });

  test("given both bays taken, then the slot is left out", () => {
    const slots = given({
      reservations: [
        reservation("b-1", "2027-06-09T08:00:00Z", "2027-06-09T09:00:00Z"),
        reservation("b-2", "2027-06-09T08:30:00Z", "2027-06-09T09:30:00Z"),
      ],
    }).slotsOn("2027-06-09");
    expect(localStarts(slots)).not.toContain("10:00");
    expect(slots.find((s) => localStarts([s])[0] === "11:00")?.freeResourceIds).toEqual(["b-1"]);
  });

  test("given a minimum notice, then the first slot is at least that far from now", () => {
    const strict = venue({ policies: policies({ minNoticeMinutes: 120 }) });
    const slots = given({ venue: strict, now: new Date("2027-06-09T06:10:00Z") }).slotsOn(
      "2027-06-09",
    );
    // now is 08:10 local: 10:10 is the earliest start, so 11:00 is the first on the grid.
    expect(localStarts(slots)[0]).toBe("11:00");
  });

  test("given now in the middle of the day, then earlier slots are gone even without notice", () => {
    const slots = given({ now: new Date("2027-06-09T10:00:00Z") }).slotsOn("2027-06-09");
    expect(localStarts(slots)[0]).toBe("12:00");
  });

  test("given a maximum advance, then no slot starts later than now plus those days", () => {
    const near = venue({ policies: policies({ maxAdvanceDays: 1 }) });
    const slots = given({ venue: near, now: new Date("2027-06-09T10:00:00Z") }).slotsFrom(
      "2027-06-09",
      "2027-06-12",
    );
    expect(slots.at(-1)?.start).toBe("2027-06-10T10:00:00.000Z");
  });

  test("retired bays and bays too small for the party are never free", () => {
    const slots = slotsOnDate({
      offering: slotOffering(),
      venue: venue(),
      resources: [resource("b-1", { active: false }), resource("b-2", { capacity: 1 })],
      reservations: [],
      now: LONG_BEFORE,
      date: "2027-06-09",
      guests: 2,
    });
    expect(slots).toEqual([]);
  });

  test("slot period widens the appointment by both buffers", () => {
    const offering = slotOffering({ bufferBeforeMinutes: 10, bufferAfterMinutes: 20 });
    expect(slotPeriod(offering, "2027-06-09T08:00:00Z")).toEqual({
      start: "2027-06-09T07:50:00.000Z",
      end: "2027-06-09T09:20:00.000Z",
    });
  });
});
