import { describe, expect, test } from "vitest";
import {
  cancelState,
  formatInstant,
  formatPeriod,
  formatTimes,
  localDateIn,
  localToday,
} from "./booking-format.ts";

describe("formatting in the venue's zone", () => {
  test("an appointment shows its day once, with both times", () => {
    const text = formatPeriod(
      { start: "2027-07-02T08:00:00.000Z", end: "2027-07-02T09:00:00.000Z" },
      "Europe/Berlin",
      "en",
    );
    expect(text).toContain("10:00");
    expect(text).toContain("11:00");
    expect(text.match(/2027/g)).toHaveLength(1);
  });

  test("an instant is read on the venue's clock", () => {
    expect(formatInstant("2027-01-05T14:00:00.000Z", "Europe/Berlin", "de")).toContain("15:00");
    expect(formatInstant("2027-01-05T14:00:00.000Z", "America/New_York", "en")).toContain("09:00");
  });
});

describe("cancelState", () => {
  const start = "2027-07-10T13:00:00.000Z";
  test("holds and pending requests can be withdrawn at any time", () => {
    expect(cancelState({ status: "pending", start }, 48, new Date(start))).toEqual({
      kind: "anyTime",
    });
    expect(cancelState({ status: "held", start }, 48, new Date(start)).kind).toBe("anyTime");
  });

  test("a confirmed booking until the notice, that instant included", () => {
    const deadline = "2027-07-08T13:00:00.000Z";
    expect(cancelState({ status: "confirmed", start }, 48, new Date(deadline))).toEqual({
      kind: "untilNotice",
      deadline,
    });
    expect(
      cancelState({ status: "confirmed", start }, 48, new Date(Date.parse(deadline) + 1)),
    ).toEqual({ kind: "tooLate", deadline });
  });

  test("final statuses cannot be cancelled", () => {
    for (const status of ["cancelled", "rejected", "completed", "expired", "no_show"] as const) {
      expect(cancelState({ status, start }, 0, new Date(0)).kind).toBe("final");
    }
  });
});

test("localToday is the device's date", () => {
  expect(localToday(new Date(2027, 0, 5, 23, 30))).toBe("2027-01-05");
});

test("localDateIn reads the date in the zone", () => {
  expect(localDateIn("2027-01-05T23:30:00.000Z", "Europe/Berlin")).toBe("2027-01-06");
  expect(localDateIn("2027-01-05T23:30:00.000Z", "UTC")).toBe("2027-01-05");
});

test("formatTimes gives only the times", () => {
  const period = { start: "2027-07-02T06:30:00.000Z", end: "2027-07-02T07:30:00.000Z" };
  expect(formatTimes(period, "Europe/Berlin", "de")).toMatch(/^08:30\s*–\s*09:30/);
});
