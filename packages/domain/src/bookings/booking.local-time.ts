import { localToInstant, parseTimeOfDay } from "../availability/local-time.ts";
import type { LocalDate, TimeOfDay } from "../catalog/catalog.types.ts";

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` (no 2027-02-30). */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** An RFC 3339 instant with a zone designator; a bare local time would be ambiguous. */
export function parseInstant(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) {
    return null;
  }
  // Date would roll 2027-02-30 over into March instead of refusing it.
  if (!isLocalDate(value.slice(0, 10))) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The UTC instant at which the venue's clock shows `time` on `date`, by the same rule as
 * availability (`localToInstant`), so a booking's period and the nights or slots shown
 * free always agree, on DST days too. "24:00" is the next day's midnight.
 */
export function zonedInstant(date: LocalDate, time: TimeOfDay, timeZone: string): string {
  if (!TIME_OF_DAY.test(time)) return new Date(localToInstant(timeZone, date, 0)).toISOString();
  return new Date(localToInstant(timeZone, date, parseTimeOfDay(time))).toISOString();
}
