import { describe, expect, test } from "vitest";
import { isLocalDate, parseInstant, zonedInstant } from "./booking.local-time.ts";

describe("zonedInstant: the venue's wall clock as a UTC instant", () => {
  test.each([
    ["winter (CET, UTC+1)", "2027-01-15", "15:00", "2027-01-15T14:00:00.000Z"],
    ["summer (CEST, UTC+2)", "2027-07-15", "15:00", "2027-07-15T13:00:00.000Z"],
    ["the spring-forward day, after the jump", "2027-03-28", "15:00", "2027-03-28T13:00:00.000Z"],
    ["the spring-forward day, before the jump", "2027-03-28", "01:30", "2027-03-28T00:30:00.000Z"],
    [
      "inside the gap: the moment the gap ends (03:00 CEST), as availability counts it",
      "2027-03-28",
      "02:30",
      "2027-03-28T01:00:00.000Z",
    ],
    ["the fall-back day, after the repeat", "2027-10-31", "10:00", "2027-10-31T09:00:00.000Z"],
    ["24:00 is the next midnight", "2027-07-15", "24:00", "2027-07-15T22:00:00.000Z"],
  ])("Europe/Berlin, %s", (_case, date, time, expected) => {
    expect(zonedInstant(date, time, "Europe/Berlin")).toBe(expected);
  });

  test("other zones, either side of UTC", () => {
    expect(zonedInstant("2027-01-15", "09:00", "America/New_York")).toBe(
      "2027-01-15T14:00:00.000Z",
    );
    expect(zonedInstant("2027-01-15", "09:00", "Asia/Kolkata")).toBe("2027-01-15T03:30:00.000Z");
    expect(zonedInstant("2027-01-15", "09:00", "UTC")).toBe("2027-01-15T09:00:00.000Z");
  });
});

describe("isLocalDate and parseInstant", () => {
  test.each([
    ["2027-02-28", true],
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2027-13-01", false],
    ["27-01-01", false],
    ["2027-01-01T00:00:00Z", false],
  ])("%s is a local date: %s", (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  test("instants need a zone designator, and must exist", () => {
    expect(parseInstant("2027-03-03T10:00:00+01:00")?.toISOString()).toBe(
      "2027-03-03T09:00:00.000Z",
    );
    expect(parseInstant("2027-03-03T09:00Z")?.toISOString()).toBe("2027-03-03T09:00:00.000Z");
    expect(parseInstant("2027-03-03T09:00:00")).toBeNull();
    expect(parseInstant("2027-03-03")).toBeNull();
    expect(parseInstant("2027-02-30T09:00:00Z")).toBeNull();
  });
});
