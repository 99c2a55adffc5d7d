import { describe, expect, test } from "vitest";
import {
  addDays,
  daysBetween,
  formatLocalDate,
  monthStart,
  monthWeeks,
  nightsOf,
  todayIn,
} from "./local-date.ts";

describe("local dates", () => {
  test("arithmetic crosses months, years and daylight-saving changes", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-28", 1)).toBe("2027-03-29");
    expect(daysBetween("2027-03-27", "2027-03-30")).toBe(3);
    expect(monthStart("2026-12-06", 1)).toBe("2027-01-01");
    expect(monthStart("2027-01-15", -1)).toBe("2026-12-01");
    expect(nightsOf("2027-02-27", "2027-03-02")).toEqual([
      "2027-02-27",
      "2027-02-28",
      "2027-03-01",
    ]);
  });

  test("today is the venue's, not the device's", () => {
    const lateInUtc = new Date("2026-12-06T23:30:00Z");
    expect(todayIn("Europe/Berlin", lateInUtc)).toBe("2026-12-07");
    expect(todayIn("America/New_York", lateInUtc)).toBe("2026-12-06");
  });

  test("weeks start on Monday and are padded", () => {
    const weeks = monthWeeks("2026-12-01");
    expect(weeks[0]).toEqual([
      null,
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks.at(-1)?.at(-1)).toBeNull();
  });

  test("a local date is written without a shift", () => {
    expect(formatLocalDate("2027-01-01", "en-GB")).toBe("1 Jan 2027");
    expect(formatLocalDate("2027-01-01", "de-DE")).toBe("01.01.2027");
  });
});
