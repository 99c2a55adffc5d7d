import type { LocalDate, TimeOfDay } from "../catalog/catalog.types.ts";
import { DAY_MS, dateOfDayNumber, dayNumber, MINUTE_MS } from "./local-date.ts";
import { zoneOffsetMs } from "./zone-offset.ts";

/** A wall-clock reading in a zone: the local date and whole minutes since local midnight. */
export interface LocalDateTime {
  date: LocalDate;
  minutes: number;
}

/** "HH:MM" → minutes since midnight; "24:00" is 1440, the end of the day. */
export function parseTimeOfDay(time: TimeOfDay): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function formatTimeOfDay(minutes: number): TimeOfDay {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * The instant (epoch ms) at which the wall clock of `timeZone` shows `minutes` after local
 * midnight of `date`; minutes may be 1440 ("24:00" = next midnight).
 *
 * - An ambiguous time (autumn, the clock runs an hour twice) is its first occurrence.
 * - A time that does not exist (spring gap) is the instant the gap ends, i.e. the first
 *   existing local time after it: 02:30 on Berlin's 2027-03-28 is 03:00 CEST (01:00Z).
 *   Unlike "shift by the gap's length" this keeps the mapping monotonic, so an opening
 *   interval [02:00, 02:30) collapses to nothing and [01:00, 02:30) ends when the clock
 *   jumps, which is what a wall clock on that night shows.
 */
export function localToInstant(timeZone: string, date: LocalDate, minutes: number): number {
  const wall = dayNumber(date) * DAY_MS + minutes * MINUTE_MS;
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = zoneOffsetMs(timeZone, wall - DAY_MS);
  const offsetAfter = zoneOffsetMs(timeZone, wall + DAY_MS);
  const earlier = wall - Math.max(offsetBefore, offsetAfter);
  if (zoneOffsetMs(timeZone, earlier) === wall - earlier) return earlier;
  const later = wall - Math.min(offsetBefore, offsetAfter);
  if (zoneOffsetMs(timeZone, later) === wall - later) return later;
  return gapEnd(timeZone, earlier, later);
}

/** The first instant after `from` whose offset differs from the offset at `from`. */
function gapEnd(timeZone: string, from: number, to: number): number {
  const offset = zoneOffsetMs(timeZone, from);
  let low = Math.floor(from / 1000);
  let high = Math.ceil(to / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (zoneOffsetMs(timeZone, middle * 1000) === offset) low = middle;
    else high = middle;
  }
  return high * 1000;
}

/** The wall-clock reading of `timeZone` at an instant (seconds dropped). */
export function instantToLocal(timeZone: string, epochMs: number): LocalDateTime {
  const wall = epochMs + zoneOffsetMs(timeZone, epochMs);
  const day = Math.floor(wall / DAY_MS);
  return { date: dateOfDayNumber(day), minutes: Math.floor((wall - day * DAY_MS) / MINUTE_MS) };
}

/** The local date of an instant in `timeZone`. */
export function localDateOf(timeZone: string, epochMs: number): LocalDate {
  return instantToLocal(timeZone, epochMs).date;
}
