import { daysBetween, type LocalDate } from "../book-stay/local-date.ts";

/** What a bar needs of a booking: its span as instants. */
export interface Span {
  start: string;
  end: string;
}

/** A booking placed on a resource's row of a month, in days from the 1st's midnight. */
export interface PlacedBar<T extends Span> {
  item: T;
  /** Where the bar begins, 0 … days (fractions are times of day). */
  from: number;
  /** Where the bar ends, from … days; at least `minDays` after `from`. */
  to: number;
  /** The line within the row, 0 first: bars that would overlap go on separate lines. */
  lane: number;
  /** The booking began before the month (the bar is cut at its left edge). */
  startsBefore: boolean;
  /** The booking ends after the month (the bar is cut at its right edge). */
  endsAfter: boolean;
}

export interface RowLayout<T extends Span> {
  bars: PlacedBar<T>[];
  /** Lines the row needs (at least one, so an empty row keeps its height). */
  lanes: number;
}

/**
 * Where an instant falls on a month drawn in a time zone: whole days since the 1st plus the
 * fraction of the day its wall-clock time is (a stay from 15:00 to 10:00 shares its
 * check-out day with the next guest's check-in, as it does in the house).
 */
export function dayPosition(instant: string, first: LocalDate, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "0";
  const date = `${part("year")}-${part("month")}-${part("day")}`;
  const minutes = Number(part("hour")) * 60 + Number(part("minute"));
  return daysBetween(first, date) + minutes / 1440;
}

/**
 * Lays out one resource's bookings on a month of `days` days: each bar cut to the month,
 * at least `minDays` long (a one-hour appointment stays big enough to read and to tap),
 * and overlapping bars on separate lines, each on the first line free at its start.
 */
export function layoutRow<T extends Span>(
  items: readonly T[],
  month: { first: LocalDate; days: number; timeZone: string },
  minDays: number,
): RowLayout<T> {
  const placed = items
    .map((item) => {
      const start = dayPosition(item.start, month.first, month.timeZone);
      const end = dayPosition(item.end, month.first, month.timeZone);
      const cutFrom = Math.max(0, Math.min(start, month.days));
      const cutTo = Math.max(0, Math.min(end, month.days));
      const from = Math.min(cutFrom, month.days - minDays);
      const to = Math.max(cutTo, from + minDays);
      return { item, from, to, startsBefore: start < 0, endsAfter: end > month.days };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const laneEnds: number[] = [];
  const bars = placed.map((bar) => {
    const free = laneEnds.findIndex((end) => end <= bar.from);
    const lane = free === -1 ? laneEnds.length : free;
    laneEnds[lane] = bar.to;
    return { ...bar, lane };
  });
  return { bars, lanes: Math.max(1, laneEnds.length) };
}
