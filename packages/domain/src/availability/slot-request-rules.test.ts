import { describe, expect, test } from "vitest";
import type { OpeningHours } from "../catalog/catalog.types.ts";
import {
  CLOSED_ALL_WEEK,
  policies,
  resource,
  slotOffering,
  venue,
} from "./availability.fixtures.ts";
import type { RequestRule } from "./rule-violation.ts";
import { checkSlotRequest, type SlotRequest } from "./slot-request-rules.ts";

// Wednesday 2027-06-09, 07:00 in Berlin; the workshop opens 08:00–17:00.
const NOW = new Date("2027-06-09T05:00:00Z");
const VALID: SlotRequest = {
  offering: slotOffering({
    durationMinutes: 60,
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 15,
    stepMinutes: 30,
  }),
  venue: venue({ policies: policies({ minNoticeMinutes: 60, maxAdvanceDays: 14 }) }),
  // 09:00 local: 08:45–10:15 with buffers, two steps after opening.
  start: "2027-06-09T07:00:00Z",
  guests: 1,
  now: NOW,
};

const rule = (changes: Partial<SlotRequest>): RequestRule | null =>
  checkSlotRequest({ ...VALID, ...changes })?.details.rule ?? null;

describe("slot request rules", () => {
  test("a request within every rule passes", () => {
    expect(checkSlotRequest(VALID)).toBeNull();
  });

  test("GUESTS outside 1–20", () => {
    expect(rule({ guests: 0 })).toBe("GUESTS");
    expect(rule({ guests: 21 })).toBe("GUESTS");
  });

  test("IN_PAST before now, MIN_NOTICE inside the notice, at the notice it passes", () => {
    expect(rule({ now: new Date("2027-06-09T07:30:00Z") })).toBe("IN_PAST");
    expect(rule({ now: new Date("2027-06-09T06:30:00Z") })).toBe("MIN_NOTICE");
    expect(rule({ now: new Date("2027-06-09T06:00:00Z") })).toBeNull();
  });

  test("MAX_ADVANCE beyond 14 days", () => {
    expect(rule({ start: "2027-06-23T07:00:00Z" })).toBe("MAX_ADVANCE");
    expect(rule({ start: "2027-06-22T07:00:00Z" })).toBeNull();
  });

  test("CLOSED when the buffered period leaves the opening hours", () => {
    // 08:00 local: the 15-minute buffer before would start at 07:45.
    expect(rule({ start: "2027-06-09T06:00:00Z" })).toBe("CLOSED");
    // 15:30 local ends 16:30 + 15 = 16:45: inside; 16:00 would end 17:15.
    expect(rule({ start: "2027-06-09T13:30:00Z" })).toBeNull();
    expect(rule({ start: "2027-06-09T14:00:00Z" })).toBe("CLOSED");
    // Sunday: closed all day.
    expect(rule({ start: "2027-06-13T07:00:00Z" })).toBe("CLOSED");
  });

  test("CLOSED on a closure date", () => {
    const closed = venue({
      closures: [{ from: "2027-06-09", to: "2027-06-09" }],
      policies: VALID.venue.policies,
    });
    expect(rule({ venue: closed })).toBe("CLOSED");
  });

  test("OFF_GRID when inside the hours but not a whole number of steps from opening", () => {
    expect(rule({ start: "2027-06-09T07:15:00Z" })).toBe("OFF_GRID");
    expect(rule({ start: "2027-06-09T07:00:01Z" })).toBe("OFF_GRID");
    expect(rule({ start: "2027-06-09T07:30:00Z" })).toBeNull();
  });

  test("CAPACITY when a chosen resource is too small for the party", () => {
    expect(rule({ guests: 3, resources: [resource("b-1", { capacity: 2 })] })).toBe("CAPACITY");
    expect(rule({ guests: 2, resources: [resource("b-1", { capacity: 2 })] })).toBeNull();
  });

  describe("on the DST nights, opening hours 01:00–04:00", () => {
    const hours: OpeningHours = { ...CLOSED_ALL_WEEK, sun: [["01:00", "04:00"]] };
    const night = {
      venue: venue({ openingHours: hours }),
      offering: slotOffering({ durationMinutes: 30, stepMinutes: 30 }),
      now: new Date("2027-01-01T00:00:00Z"),
    };

    test("spring: 03:30 CEST is on the grid and fits; 04:00 is closed", () => {
      expect(rule({ ...night, start: "2027-03-28T01:30:00Z" })).toBeNull();
      expect(rule({ ...night, start: "2027-03-28T02:00:00Z" })).toBe("CLOSED");
    });

    test("autumn: the second 02:30 (CET) is a slot of its own; 03:30 CET is the last", () => {
      expect(rule({ ...night, start: "2027-10-31T01:30:00Z" })).toBeNull();
      expect(rule({ ...night, start: "2027-10-31T02:30:00Z" })).toBeNull();
      expect(rule({ ...night, start: "2027-10-31T03:00:00Z" })).toBe("CLOSED");
    });
  });
});
