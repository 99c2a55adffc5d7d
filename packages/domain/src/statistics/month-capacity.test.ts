import { describe, expect, test } from "vitest";
import { venue } from "../availability/availability.fixtures.ts";
import { nightsInMonth, occupancy, openMinutesInMonth } from "./month-capacity.ts";

describe("the capacity of a month", () => {
  test("nights of a month follow the calendar", () => {
    expect(nightsInMonth("2027-02")).toBe(28);
    expect(nightsInMonth("2028-02")).toBe(29);
    expect(nightsInMonth("2027-12")).toBe(31);
  });

  test("open minutes: opening hours of every day, closures left out", () => {
    // March 2027: 23 weekdays (Mon–Fri 08–17) and 4 Saturdays (09–13).
    expect(openMinutesInMonth(venue(), "2027-03")).toBe(23 * 540 + 4 * 240);
    const closed = venue({ closures: [{ from: "2027-03-01", to: "2027-03-02" }] });
    expect(openMinutesInMonth(closed, "2027-03")).toBe(21 * 540 + 4 * 240);
  });

  test("open minutes are real time on a DST night", () => {
    const night = venue({
      openingHours: {
        mon: [],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [["01:00", "04:00"]],
      },
    });
    // Sundays in Berlin, March 2027: 7, 14, 21, 28 (the clock jumps from 02:00 to 03:00).
    expect(openMinutesInMonth(night, "2027-03")).toBe(3 * 180 + 120);
  });

  test("occupancy: room-nights over rooms × nights, minutes over open minutes, weighted by resources", () => {
    const capacity = { stayResources: 2, slotResources: 0, nights: 31, openMinutes: 0 };
    expect(occupancy({ roomNights: 31, slotMinutes: 0 }, capacity)).toBe(0.5);
    const both = { stayResources: 1, slotResources: 3, nights: 30, openMinutes: 1000 };
    expect(occupancy({ roomNights: 30, slotMinutes: 0 }, both)).toBe(0.25);
    expect(
      occupancy({ roomNights: 0, slotMinutes: 0 }, { ...both, stayResources: 0, slotResources: 0 }),
    ).toBe(0);
    expect(occupancy({ roomNights: 99, slotMinutes: 0 }, capacity)).toBe(1);
  });
});
