import { type LocalDate, WEEKDAYS, type Weekday } from "../catalog/catalog.types.ts";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a "YYYY-MM-DD" date. Calendar arithmetic needs no zone: a local
 * date is a label, so it is computed on the proleptic Gregorian calendar in UTC.
 */
export function dayNumber(date: LocalDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function dateOfDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); 23- and 25-hour days count as one. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function weekdayOfDayNumber(day: number): Weekday {
  // 1970-01-01 was a Thursday, index 3 in WEEKDAYS (which starts on Monday).
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
}

export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfDayNumber(dayNumber(date));
}
