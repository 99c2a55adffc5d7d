import { describe, expect, test } from "vitest";
import { policies, resource, stayOffering, venue } from "./availability.fixtures.ts";
import type { RequestRule } from "./rule-violation.ts";
import { checkStayRequest, type StayRequest } from "./stay-request-rules.ts";

// Thursday 2027-06-10, 12:00 in Berlin.
const NOW = new Date("2027-06-10T10:00:00Z");
const VALID: StayRequest = {
  offering: stayOffering({ minNights: 2, maxNights: 7 }),
  venue: venue({ policies: policies({ minNoticeMinutes: 60, maxAdvanceDays: 30 }) }),
  rooms: [resource("r-1", { capacity: 2 }), resource("r-2", { capacity: 3 })],
  checkIn: "2027-06-12",
  checkOut: "2027-06-14",
  guests: 5,
  now: NOW,
};

const whenRequested = (changes: Partial<StayRequest>) => checkStayRequest({ ...VALID, ...changes });
const rule = (changes: Partial<StayRequest>): RequestRule | null =>
  whenRequested(changes)?.details.rule ?? null;

describe("stay request rules", () => {
  test("a request within every rule passes", () => {
    expect(whenRequested({})).toBeNull();
  });

  test("a failure is a RULE_VIOLATION value naming its rule", () => {
    expect(whenRequested({ guests: 0 })).toEqual({
      code: "RULE_VIOLATION",
      message: "A booking is for 1 to 20 guests.",
      details: { rule: "GUESTS" },
    });
  });

  test.each([0, 21, 2.5, Number.NaN])("GUESTS: %s guests", (guests) => {
    expect(rule({ guests })).toBe("GUESTS");
  });

  test("GUESTS: 1 and 20 are fine (given rooms for 20)", () => {
    const rooms = [resource("r-1", { capacity: 20 })];
    expect(rule({ guests: 1, rooms })).toBeNull();
    expect(rule({ guests: 20, rooms })).toBeNull();
  });

  test("MIN_NIGHTS below the offering's minimum, also for check-out not after check-in", () => {
    expect(rule({ checkOut: "2027-06-13" })).toBe("MIN_NIGHTS");
    expect(rule({ checkOut: "2027-06-12" })).toBe("MIN_NIGHTS");
    expect(rule({ checkOut: "2027-06-11" })).toBe("MIN_NIGHTS");
  });

  test("MAX_NIGHTS above the offering's maximum; exactly the maximum passes", () => {
    expect(rule({ checkOut: "2027-06-20" })).toBe("MAX_NIGHTS");
    expect(rule({ checkOut: "2027-06-19" })).toBeNull();
  });

  test("IN_PAST once the check-in time has passed, also on the same day", () => {
    expect(rule({ checkIn: "2027-06-09", checkOut: "2027-06-11" })).toBe("IN_PAST");
    const afterCheckIn = new Date("2027-06-10T13:30:00Z");
    expect(rule({ checkIn: "2027-06-10", checkOut: "2027-06-12", now: afterCheckIn })).toBe(
      "IN_PAST",
    );
  });

  test("MIN_NOTICE: a same-day check-in inside the notice; exactly the notice passes", () => {
    // Check-in 15:00 local = 13:00Z; 60 minutes' notice.
    const checkIn = { checkIn: "2027-06-10", checkOut: "2027-06-12" };
    expect(rule({ ...checkIn, now: new Date("2027-06-10T12:01:00Z") })).toBe("MIN_NOTICE");
    expect(rule({ ...checkIn, now: new Date("2027-06-10T12:00:00Z") })).toBeNull();
  });

  test("MAX_ADVANCE: a check-in beyond 30 days from now", () => {
    // Now + 30 days is 2027-07-10 12:00 local, three hours before that day's check-in.
    expect(rule({ checkIn: "2027-07-10", checkOut: "2027-07-12" })).toBe("MAX_ADVANCE");
    expect(rule({ checkIn: "2027-07-09", checkOut: "2027-07-11" })).toBeNull();
  });

  test("CLOSED when a night falls on a closure date; leaving on its first day is fine", () => {
    const closedOn = (from: string, to: string) =>
      venue({ closures: [{ from, to }], policies: VALID.venue.policies });
    expect(rule({ venue: closedOn("2027-06-13", "2027-06-20") })).toBe("CLOSED");
    expect(rule({ venue: closedOn("2027-06-01", "2027-06-12") })).toBe("CLOSED");
    expect(rule({ venue: closedOn("2027-06-14", "2027-06-20") })).toBeNull();
  });

  test("CAPACITY when the rooms together sleep fewer than the guests", () => {
    expect(rule({ guests: 6 })).toBe("CAPACITY");
    expect(rule({ rooms: [], guests: 1 })).toBe("CAPACITY");
  });

  test("stays across both DST changes are judged by calendar nights", () => {
    const far = venue({ policies: policies({ maxAdvanceDays: 730 }) });
    const jan = new Date("2027-01-01T00:00:00Z");
    for (const [checkIn, checkOut] of [
      ["2027-03-27", "2027-03-29"],
      ["2027-10-30", "2027-11-01"],
    ] as const) {
      expect(rule({ venue: far, now: jan, checkIn, checkOut })).toBeNull();
    }
  });
});
