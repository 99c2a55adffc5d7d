import { describe, expect, test } from "vitest";
import { dayPosition, layoutRow } from "./bar-layout.ts";

const december = { first: "2026-12-01", days: 31, timeZone: "Europe/Berlin" };

describe("dayPosition", () => {
  test("counts days from the 1st and the time of day on the venue's wall clock", () => {
    // 14:00 UTC is 15:00 in Berlin in winter.
    expect(dayPosition("2026-12-05T14:00:00.000Z", "2026-12-01", "Europe/Berlin")).toBe(4.625);
    expect(dayPosition("2026-12-05T14:00:00.000Z", "2026-12-01", "America/New_York")).toBe(
      4 + 9 / 24,
    );
  });

  test("an instant before the 1st's local midnight is negative", () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin, but 30 November in UTC.
    expect(dayPosition("2026-11-30T23:30:00.000Z", "2026-12-01", "Europe/Berlin")).toBeCloseTo(
      0.5 / 24,
    );
    expect(dayPosition("2026-11-30T23:30:00.000Z", "2026-12-01", "UTC")).toBeCloseTo(
      -1 + 23.5 / 24,
    );
  });
});

describe("layoutRow", () => {
  const stay = (start: string, end: string) => ({ start, end });

  test("a stay from 15:00 to 10:00 begins and ends within its days", () => {
    const { bars, lanes } = layoutRow(
      [stay("2026-12-05T14:00:00.000Z", "2026-12-07T09:00:00.000Z")],
      december,
      0.75,
    );
    expect(lanes).toBe(1);
    expect(bars).toEqual([
      expect.objectContaining({
        from: 4.625,
        to: 6 + 10 / 24,
        lane: 0,
        startsBefore: false,
        endsAfter: false,
      }),
    ]);
  });

  test("a change-over day keeps both stays on one line", () => {
    const { bars, lanes } = layoutRow(
      [
        stay("2026-12-07T14:00:00.000Z", "2026-12-09T09:00:00.000Z"),
        stay("2026-12-05T14:00:00.000Z", "2026-12-07T09:00:00.000Z"),
      ],
      december,
      0.75,
    );
    expect(lanes).toBe(1);
    expect(bars.map((bar) => [bar.from, bar.lane])).toEqual([
      [4.625, 0],
      [6.625, 0],
    ]);
  });

  test("overlapping bookings go on separate lines, and a freed line is used again", () => {
    const { bars, lanes } = layoutRow(
      [
        stay("2026-12-02T08:00:00.000Z", "2026-12-02T09:00:00.000Z"),
        stay("2026-12-02T10:00:00.000Z", "2026-12-02T11:00:00.000Z"),
        stay("2026-12-03T08:00:00.000Z", "2026-12-03T09:00:00.000Z"),
      ],
      december,
      0.75,
    );
    // One-hour appointments are drawn three quarters of a day long: the first two collide.
    expect(bars.map((bar) => bar.lane)).toEqual([0, 1, 0]);
    expect(lanes).toBe(2);
    expect(bars[0]?.to).toBeCloseTo(1 + 9 / 24 + 0.75);
  });

  test("a booking across the month's edges is cut there and says so", () => {
    const { bars } = layoutRow(
      [
        stay("2026-11-28T14:00:00.000Z", "2026-12-02T09:00:00.000Z"),
        stay("2026-12-30T14:00:00.000Z", "2027-01-03T09:00:00.000Z"),
      ],
      december,
      0.75,
    );
    expect(bars).toEqual([
      expect.objectContaining({ from: 0, startsBefore: true, endsAfter: false }),
      expect.objectContaining({ from: 29.625, to: 31, startsBefore: false, endsAfter: true }),
    ]);
  });

  test("a short booking at the month's very end stays inside the month", () => {
    const { bars } = layoutRow(
      [stay("2026-12-31T21:00:00.000Z", "2026-12-31T22:00:00.000Z")],
      december,
      0.75,
    );
    expect(bars[0]?.from).toBe(30.25);
    expect(bars[0]?.to).toBe(31);
  });

  test("an empty row still takes one line", () => {
    expect(layoutRow([], december, 0.75)).toEqual({ bars: [], lanes: 1 });
  });
});
