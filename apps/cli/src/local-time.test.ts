import { describe, expect, test } from "vitest";
import { daysBetween, formatLocalInterval, localDateTime, withWeekday } from "./local-time.ts";

describe("localDateTime", () => {
  test("shows the wall clock of the zone, summer and winter", () => {
    expect(localDateTime("2027-07-01T07:00:00Z", "Europe/Berlin")).toEqual({
      date: "2027-07-01",
      time: "09:00",
    });
    expect(localDateTime("2027-01-15T23:30:00Z", "Europe/Berlin")).toEqual({
      date: "2027-01-16",
      time: "00:30",
    });
  });

  test("follows the DST change on 2027-03-28 in Europe/Berlin", () => {
    expect(localDateTime("2027-03-28T00:59:00Z", "Europe/Berlin").time).toBe("01:59");
    expect(localDateTime("2027-03-28T01:00:00Z", "Europe/Berlin").time).toBe("03:00");
  });

  test("falls back to UTC for an unknown zone and leaves bad input alone", () => {
    expect(localDateTime("2027-07-01T07:00:00Z", "Mars/Olympus")).toEqual({
      date: "2027-07-01",
      time: "07:00",
    });
    expect(localDateTime("soon", "Europe/Berlin")).toEqual({ date: "soon", time: "" });
  });
});

test("formatLocalInterval shows the date once unless the interval crosses midnight", () => {
  expect(formatLocalInterval("2027-05-03T07:00:00Z", "2027-05-03T08:30:00Z", "Europe/Berlin")).toBe(
    "2027-05-03 09:00–10:30",
  );
  expect(formatLocalInterval("2027-05-03T21:00:00Z", "2027-05-03T23:00:00Z", "Europe/Berlin")).toBe(
    "2027-05-03 23:00–2027-05-04 01:00",
  );
});

test("withWeekday and daysBetween work on local dates", () => {
  expect(withWeekday("2027-05-03")).toBe("Mon 2027-05-03");
  expect(daysBetween("2027-03-27", "2027-03-30")).toBe(3);
});
