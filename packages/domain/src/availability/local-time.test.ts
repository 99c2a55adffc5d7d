import { describe, expect, test } from "vitest";
import { addDays, daysBetween, HOUR_MS, weekdayOf } from "./local-date.ts";
import { formatTimeOfDay, instantToLocal, localToInstant, parseTimeOfDay } from "./local-time.ts";

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const at = (zone: string, date: string, time: string) =>
  iso(localToInstant(zone, date, parseTimeOfDay(time)));
const dayLengthHours = (zone: string, date: string) =>
  (localToInstant(zone, addDays(date, 1), 0) - localToInstant(zone, date, 0)) / HOUR_MS;

describe("local time → instant", () => {
  test("an ordinary winter and summer time in Berlin", () => {
    expect(at("Europe/Berlin", "2027-01-15", "09:30")).toBe("2027-01-15T08:30:00.000Z");
    expect(at("Europe/Berlin", "2027-07-15", "09:30")).toBe("2027-07-15T07:30:00.000Z");
  });

  test("Berlin's 2027-03-28 has 23 hours and 2027-10-31 has 25", () => {
    expect(dayLengthHours("Europe/Berlin", "2027-03-27")).toBe(24);
    expect(dayLengthHours("Europe/Berlin", "2027-03-28")).toBe(23);
    expect(dayLengthHours("Europe/Berlin", "2027-10-31")).toBe(25);
    expect(dayLengthHours("America/New_York", "2027-03-14")).toBe(23);
    expect(dayLengthHours("America/New_York", "2027-11-07")).toBe(25);
    expect(dayLengthHours("Australia/Lord_Howe", "2027-10-03")).toBe(23.5);
    expect(dayLengthHours("Australia/Lord_Howe", "2027-04-04")).toBe(24.5);
    expect(dayLengthHours("Asia/Kolkata", "2027-03-28")).toBe(24);
  });

  test("given a time in the spring gap, then it is the first instant after the gap", () => {
    expect(at("Europe/Berlin", "2027-03-28", "01:59")).toBe("2027-03-28T00:59:00.000Z");
    expect(at("Europe/Berlin", "2027-03-28", "02:00")).toBe("2027-03-28T01:00:00.000Z");
    expect(at("Europe/Berlin", "2027-03-28", "02:30")).toBe("2027-03-28T01:00:00.000Z");
    expect(at("Europe/Berlin", "2027-03-28", "03:00")).toBe("2027-03-28T01:00:00.000Z");
    expect(at("Europe/Berlin", "2027-03-28", "03:01")).toBe("2027-03-28T01:01:00.000Z");
    expect(at("Australia/Lord_Howe", "2027-10-03", "02:15")).toBe("2027-10-02T15:30:00.000Z");
  });

  test("given an ambiguous autumn time, then it is the first occurrence", () => {
    expect(at("Europe/Berlin", "2027-10-31", "02:00")).toBe("2027-10-31T00:00:00.000Z");
    expect(at("Europe/Berlin", "2027-10-31", "02:59")).toBe("2027-10-31T00:59:00.000Z");
    expect(at("Europe/Berlin", "2027-10-31", "03:00")).toBe("2027-10-31T02:00:00.000Z");
    expect(at("Australia/Lord_Howe", "2027-04-04", "01:45")).toBe("2027-04-03T14:45:00.000Z");
  });

  test('"24:00" is the next local midnight, also on the DST days', () => {
    expect(at("Europe/Berlin", "2027-03-27", "24:00")).toBe("2027-03-27T23:00:00.000Z");
    expect(at("Europe/Berlin", "2027-03-28", "24:00")).toBe("2027-03-28T22:00:00.000Z");
    expect(at("Europe/Berlin", "2027-10-30", "24:00")).toBe("2027-10-30T22:00:00.000Z");
    expect(at("Europe/Berlin", "2027-10-31", "24:00")).toBe("2027-10-31T23:00:00.000Z");
  });

  test("a zone with a half-hour offset and no DST", () => {
    expect(at("Asia/Kolkata", "2027-06-01", "00:00")).toBe("2027-05-31T18:30:00.000Z");
  });
});

describe("instant → local time", () => {
  test("both runs of the repeated hour read 02:30 on 2027-10-31", () => {
    const first = instantToLocal("Europe/Berlin", Date.parse("2027-10-31T00:30:00Z"));
    const second = instantToLocal("Europe/Berlin", Date.parse("2027-10-31T01:30:00Z"));
    expect(first).toEqual({ date: "2027-10-31", minutes: 150 });
    expect(second).toEqual({ date: "2027-10-31", minutes: 150 });
  });

  test("an instant just before local midnight belongs to the earlier date", () => {
    expect(instantToLocal("Europe/Berlin", Date.parse("2027-10-30T21:59:59Z"))).toEqual({
      date: "2027-10-30",
      minutes: 23 * 60 + 59,
    });
    expect(instantToLocal("America/New_York", Date.parse("2027-01-01T04:59:00Z"))).toEqual({
      date: "2026-12-31",
      minutes: 23 * 60 + 59,
    });
  });
});

describe("local dates", () => {
  test("days between counts calendar days, whatever their length", () => {
    expect(daysBetween("2027-03-27", "2027-03-29")).toBe(2);
    expect(daysBetween("2027-10-30", "2027-11-01")).toBe(2);
    expect(daysBetween("2027-12-31", "2028-01-01")).toBe(1);
    expect(daysBetween("2028-03-01", "2028-02-28")).toBe(-2);
  });

  test("weekday of a local date", () => {
    expect(weekdayOf("2027-03-28")).toBe("sun");
    expect(weekdayOf("2027-11-01")).toBe("mon");
    expect(weekdayOf("2028-02-29")).toBe("tue");
    expect(weekdayOf("1969-12-31")).toBe("wed");
  });

  test("times of day parse and print, with 24:00 as 1440", () => {
    expect(parseTimeOfDay("00:00")).toBe(0);
    expect(parseTimeOfDay("08:45")).toBe(525);
    expect(parseTimeOfDay("24:00")).toBe(1440);
    expect(formatTimeOfDay(525)).toBe("08:45");
  });
});
