import { describe, expect, test } from "vitest";
import type { Resource } from "../catalog/catalog.types.ts";
import { policies, reservation, resource, stayOffering, venue } from "./availability.fixtures.ts";
import type { BlockingReservation } from "./blocking-reservation.ts";
import { type StayAvailabilityQuery, stayAvailability } from "./stay-availability.ts";
import { stayPeriod } from "./stay-period.ts";

const ROOMS = [resource("r-1", { capacity: 2 }), resource("r-2", { capacity: 4 })];
const HOME = venue();
const OFFERING = stayOffering();

function givenReservations(reservations: BlockingReservation[], rooms: Resource[] = ROOMS) {
  return {
    whenAsked: (from: string, to: string, extra: Partial<StayAvailabilityQuery> = {}) =>
      stayAvailability({
        offering: OFFERING,
        venue: HOME,
        resources: rooms,
        reservations,
        from,
        to,
        ...extra,
      }),
  };
}

const booked = (roomId: string, checkIn: string, checkOut: string) => {
  const period = stayPeriod(OFFERING, HOME, checkIn, checkOut);
  return reservation(roomId, period.start, period.end);
};

describe("stay period", () => {
  test("check-in 15:00 to check-out 10:00 in the venue's zone", () => {
    expect(stayPeriod(OFFERING, HOME, "2027-06-10", "2027-06-12")).toEqual({
      start: "2027-06-10T13:00:00.000Z",
      end: "2027-06-12T08:00:00.000Z",
    });
  });

  test("across the spring change the stay is an hour shorter in real time", () => {
    expect(stayPeriod(OFFERING, HOME, "2027-03-27", "2027-03-29")).toEqual({
      start: "2027-03-27T14:00:00.000Z",
      end: "2027-03-29T08:00:00.000Z",
    });
  });

  test("across the autumn change it is an hour longer", () => {
    expect(stayPeriod(OFFERING, HOME, "2027-10-30", "2027-11-01")).toEqual({
      start: "2027-10-30T13:00:00.000Z",
      end: "2027-11-01T09:00:00.000Z",
    });
  });
});

describe("stay availability", () => {
  test("given no reservations, then every night lists every room, one row per night", () => {
    expect(givenReservations([]).whenAsked("2027-06-10", "2027-06-13")).toEqual([
      { date: "2027-06-10", freeResourceIds: ["r-1", "r-2"] },
      { date: "2027-06-11", freeResourceIds: ["r-1", "r-2"] },
      { date: "2027-06-12", freeResourceIds: ["r-1", "r-2"] },
    ]);
  });

  test("given a two-night stay in r-1, then exactly those nights lose r-1", () => {
    const nights = givenReservations([booked("r-1", "2027-06-11", "2027-06-13")]).whenAsked(
      "2027-06-10",
      "2027-06-14",
    );
    expect(nights.map((n) => n.freeResourceIds)).toEqual([
      ["r-1", "r-2"],
      ["r-2"],
      ["r-2"],
      ["r-1", "r-2"],
    ]);
  });

  test("back to back: check-out at 10:00 leaves the same day's check-in free", () => {
    const nights = givenReservations([
      booked("r-1", "2027-06-09", "2027-06-10"),
      booked("r-1", "2027-06-11", "2027-06-12"),
    ]).whenAsked("2027-06-10", "2027-06-11");
    expect(nights).toEqual([{ date: "2027-06-10", freeResourceIds: ["r-1", "r-2"] }]);
  });

  test("a reservation touching the night by one minute takes it", () => {
    const nights = givenReservations([
      reservation("r-1", "2027-06-11T07:59:00Z", "2027-06-11T08:01:00Z"),
    ]).whenAsked("2027-06-10", "2027-06-12");
    expect(nights.map((n) => n.freeResourceIds)).toEqual([["r-2"], ["r-1", "r-2"]]);
  });

  test.each([
    ["spring", "2027-03-27", "2027-03-29"],
    ["autumn", "2027-10-30", "2027-11-01"],
  ])("a stay across the %s change takes both nights and frees the next", (_, from, to) => {
    const nights = givenReservations([booked("r-2", from, to)]).whenAsked(from, `${to}`);
    expect(nights.map((n) => n.freeResourceIds)).toEqual([["r-1"], ["r-1"]]);
    const after = givenReservations([booked("r-2", from, to)]).whenAsked(to, "2027-12-31");
    expect(after[0]?.freeResourceIds).toEqual(["r-1", "r-2"]);
  });

  test("guests: only rooms with at least that capacity count", () => {
    expect(givenReservations([]).whenAsked("2027-06-10", "2027-06-11", { guests: 3 })).toEqual([
      { date: "2027-06-10", freeResourceIds: ["r-2"] },
    ]);
    expect(givenReservations([]).whenAsked("2027-06-10", "2027-06-11", { guests: 5 })).toEqual([
      { date: "2027-06-10", freeResourceIds: [] },
    ]);
  });

  test("retired rooms, rooms of other offerings and their reservations do not count", () => {
    const rooms = [
      resource("r-1", { active: false }),
      resource("r-2"),
      resource("r-9", { capacity: 8 }),
    ];
    const nights = givenReservations([booked("r-9", "2027-06-10", "2027-06-11")], rooms).whenAsked(
      "2027-06-10",
      "2027-06-11",
    );
    expect(nights).toEqual([{ date: "2027-06-10", freeResourceIds: ["r-2"] }]);
  });

  test("given a closure, then its dates have no free room and checking out on its first day is possible", () => {
    const closed = venue({ closures: [{ from: "2027-06-11", to: "2027-06-12", reason: "Roof" }] });
    const nights = stayAvailability({
      offering: OFFERING,
      venue: closed,
      resources: ROOMS,
      reservations: [],
      from: "2027-06-10",
      to: "2027-06-14",
    });
    expect(nights.map((n) => n.freeResourceIds.length)).toEqual([2, 0, 0, 2]);
  });

  test("given now, then past nights, nights inside the notice and beyond the advance are not free", () => {
    const strict = venue({ policies: policies({ minNoticeMinutes: 6 * 60, maxAdvanceDays: 3 }) });
    const nights = stayAvailability({
      offering: OFFERING,
      venue: strict,
      resources: ROOMS,
      reservations: [],
      from: "2027-06-09",
      to: "2027-06-15",
      // 10:00 local on the 10th: 15:00 that day is within 6 h; the advance ends at 10:00
      // on the 13th, before that day's check-in.
      now: new Date("2027-06-10T08:00:00Z"),
    });
    expect(nights.map((n) => [n.date, n.freeResourceIds.length])).toEqual([
      ["2027-06-09", 0],
      ["2027-06-10", 0],
      ["2027-06-11", 2],
      ["2027-06-12", 2],
      ["2027-06-13", 0],
      ["2027-06-14", 0],
    ]);
  });

  test("an empty or reversed range lists no nights", () => {
    expect(givenReservations([]).whenAsked("2027-06-10", "2027-06-10")).toEqual([]);
    expect(givenReservations([]).whenAsked("2027-06-10", "2027-06-01")).toEqual([]);
  });

  test("reservations given as epoch milliseconds or Dates count the same", () => {
    const iso = booked("r-1", "2027-06-10", "2027-06-11");
    const asNumber = {
      ...iso,
      start: Date.parse(iso.start as string),
      end: Date.parse(iso.end as string),
    };
    const asDate = { ...iso, start: new Date(iso.start), end: new Date(iso.end) };
    for (const r of [asNumber, asDate]) {
      expect(givenReservations([r]).whenAsked("2027-06-10", "2027-06-11")).toEqual([
        { date: "2027-06-10", freeResourceIds: ["r-2"] },
      ]);
    }
  });
});
