import type { MonthlyStatistics } from "@booking/contracts";
import { majorUnits } from "./money.ts";

/** The columns of the statistics table and its CSV, in order. */
export const COLUMNS = [
  "month",
  "bookings",
  "confirmed",
  "cancelled",
  "guests",
  "nights",
  "revenue",
  "occupancy",
] as const;
export type Column = (typeof COLUMNS)[number];

/** Occupancy as the table and the CSV give it: a percentage with one decimal. */
export function occupancyPercent(occupancy: number): number {
  return Math.round(occupancy * 1000) / 10;
}

/**
 * The CSV's rows: a header of the given column names, then one row per month with plain
 * figures a spreadsheet reads as numbers (money in major units, occupancy in percent).
 */
export function statisticsCsvRows(
  statistics: MonthlyStatistics,
  header: Record<Column, string>,
): (string | number)[][] {
  return [
    COLUMNS.map((column) => header[column]),
    ...statistics.months.map((month) => [
      month.month,
      month.bookings,
      month.confirmed,
      month.cancelled,
      month.guests,
      month.nights,
      majorUnits(month.revenue, statistics.currency),
      occupancyPercent(month.occupancy).toFixed(1),
    ]),
  ];
}

/** `statistics-ferienhaus-am-see-2026.csv`: the venue and the year tell files apart. */
export function csvFileName(venueName: string, year: number): string {
  const slug = venueName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `statistics-${slug || "venue"}-${year}.csv`;
}
