import { describe, expect, test } from "vitest";
import { addDays, formatCountdown, formatTime, hourIn, localDate } from "./zoned-time.ts";

describe("times in the venue's zone", () => {
  test("the local date is the zone's, not the device's", () => {
    expect(localDate("2026-12-06T23:30:00Z", "Europe/Berlin")).toBe("2026-12-07");
    expect(localDate("2026-12-06T23:30:00Z", "America/New_York")).toBe("2026-12-06");
  });

  test("calendar days are added across months, years and daylight-saving changes", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2027-03-27", 1)).toBe("2027-03-28");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });

  test("hours and times are read on the zone's wall clock", () => {
    expect(hourIn("2026-07-01T10:00:00Z", "Europe/Berlin")).toBe(12);
    expect(hourIn("2026-12-01T10:59:00Z", "Europe/Berlin")).toBe(11);
    expect(formatTime("2026-07-01T06:00:00Z", "Europe/Berlin", "de")).toBe("08:00");
    expect(formatTime("2026-07-01T12:30:00Z", "Europe/Berlin", "en")).toBe("14:30");
  });

  test("the countdown shows minutes and seconds, never below zero", () => {
    expect(formatCountdown(600_000)).toBe("10:00");
    expect(formatCountdown(61_001)).toBe("01:02");
    expect(formatCountdown(-5)).toBe("00:00");
  });
});
