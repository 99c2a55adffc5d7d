import type { MonthlyStatistics } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { toCsv } from "./csv.ts";
import { majorUnits } from "./money.ts";
import { COLUMNS, csvFileName, occupancyPercent, statisticsCsvRows } from "./statistics-rows.ts";

const empty = { bookings: 0, guests: 0, nights: 0, revenue: 0, confirmed: 0, cancelled: 0 };
const statistics: MonthlyStatistics = {
  venueId: "0b6d2d4e-1c8a-4c55-9f0b-1d3c5e7a9b2c",
  year: 2026,
  currency: "EUR",
  months: Array.from({ length: 12 }, (_, index) => ({
    month: `2026-${String(index + 1).padStart(2, "0")}`,
    ...empty,
    occupancy: 0,
    ...(index === 6
      ? { bookings: 3, confirmed: 2, cancelled: 1, guests: 4, nights: 5, revenue: 74_550 }
      : {}),
    ...(index === 6 ? { occupancy: 5 / 93 } : {}),
  })),
};
const header = Object.fromEntries(COLUMNS.map((column) => [column, column])) as Record<
  (typeof COLUMNS)[number],
  string
>;

describe("the statistics CSV", () => {
  test("has a header and one row per month with plain figures", () => {
    const rows = statisticsCsvRows(statistics, header);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual([...COLUMNS]);
    expect(rows[7]).toEqual(["2026-07", 3, 2, 1, 4, 5, "745.50", "5.4"]);
    expect(rows[1]).toEqual(["2026-01", 0, 0, 0, 0, 0, "0.00", "0.0"]);
  });

  test("is RFC 4180 text: quotes only where needed, CRLF line ends", () => {
    expect(
      toCsv([
        ["Revenue (EUR)", 'Nights, "slots"'],
        ["2026-07", 1.5],
      ]),
    ).toBe('Revenue (EUR),"Nights, ""slots"""\r\n2026-07,1.5\r\n');
    expect(toCsv([["two\nlines"]])).toBe('"two\nlines"\r\n');
  });

  test("is named after the venue and the year", () => {
    expect(csvFileName("Kfz-Werkstatt Krüger", 2026)).toBe(
      "statistics-kfz-werkstatt-kruger-2026.csv",
    );
    expect(csvFileName("!!!", 2027)).toBe("statistics-venue-2027.csv");
  });
});

describe("figures", () => {
  test("money goes to major units as the currency has them", () => {
    expect(majorUnits(29_800, "EUR")).toBe("298.00");
    expect(majorUnits(1_500, "JPY")).toBe("1500");
    expect(majorUnits(12_345, "KWD")).toBe("12.345");
  });

  test("occupancy rounds to a tenth of a percent", () => {
    expect(occupancyPercent(0.12345)).toBe(12.3);
    expect(occupancyPercent(1)).toBe(100);
    expect(occupancyPercent(2 / 3)).toBe(66.7);
  });
});
