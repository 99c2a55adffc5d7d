import type { SlotSettings, Venue } from "../catalog/catalog.types.ts";
import type { EpochPeriod } from "./blocking-reservation.ts";
import type { BookingWindow } from "./booking-window.ts";
import { type ClosedDays, isClosedDay } from "./closure-calendar.ts";
import { dateOfDayNumber, MINUTE_MS, weekdayOfDayNumber } from "./local-date.ts";
import { localToInstant, parseTimeOfDay } from "./local-time.ts";

/**
 * The opening intervals of one local day as instants, ascending, none on a closure date.
 * On DST days they simply cover more or less real time: 01:00–04:00 in Berlin is two hours
 * on 2027-03-28 and four on 2027-10-31. Intervals that fall wholly into a spring gap vanish.
 */
export function openingSpans(venue: Venue, closed: ClosedDays, day: number): EpochPeriod[] {
  if (isClosedDay(closed, day)) return [];
  const intervals = venue.openingHours[weekdayOfDayNumber(day)];
  if (intervals.length === 0) return [];
  const date = dateOfDayNumber(day);
  const spans: EpochPeriod[] = [];
  for (const [from, to] of intervals) {
    const start = localToInstant(venue.timeZone, date, parseTimeOfDay(from));
    const end = localToInstant(venue.timeZone, date, parseTimeOfDay(to));
    if (end > start) spans.push({ start, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Grid positions k of the slots `span.start + k·step` in a span: the buffered period fits
 * into the span and, with a booking window, the start lies within it. The grid is anchored
 * at the interval's opening instant and counts elapsed time, so on the autumn night both
 * runs of 02:00–03:00 get their slots and no two slots share an instant.
 */
export function gridRange(
  span: EpochPeriod,
  settings: SlotSettings,
  window?: BookingWindow,
): { first: number; last: number } {
  const step = settings.stepMinutes * MINUTE_MS;
  if (!(step > 0)) return { first: 0, last: -1 };
  const before = settings.bufferBeforeMinutes * MINUTE_MS;
  const tail = (settings.durationMinutes + settings.bufferAfterMinutes) * MINUTE_MS;
  let first = Math.ceil(before / step);
  let last = Math.floor((span.end - span.start - tail) / step);
  if (window !== undefined) {
    const earliest = Math.max(window.now, window.earliest);
    first = Math.max(first, Math.ceil((earliest - span.start) / step));
    last = Math.min(last, Math.floor((window.latest - span.start) / step));
  }
  return { first, last };
}
