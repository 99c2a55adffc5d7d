/**
 * Local dates of a venue as `YYYY-MM-DD` strings. They name calendar days, not instants:
 * arithmetic runs on UTC midnights, so the reader's own time zone never shifts a day.
 */
export type LocalDate = string;

const dayMs = 86_400_000;

function toUtc(date: LocalDate): number {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(toUtc(date) + days * dayMs);
}

/** Whole days from `from` to `to` (nights of a stay from check-in to check-out). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs);
}

/** Today's date in a time zone, e.g. the venue's. */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The first day of the month of a date, moved by `months`. */
export function monthStart(date: LocalDate, months = 0): LocalDate {
  const [year = 0, month = 1] = date.split("-").map(Number);
  return fromUtc(Date.UTC(year, month - 1 + months, 1));
}

/** The nights from check-in up to (not including) check-out. */
export function nightsOf(checkIn: LocalDate, checkOut: LocalDate): LocalDate[] {
  const nights: LocalDate[] = [];
  for (let night = checkIn; night < checkOut; night = addDays(night, 1)) nights.push(night);
  return nights;
}

/**
 * The weeks of a month, Monday first; `null` pads the days before the 1st and after the
 * last day.
 */
export function monthWeeks(first: LocalDate): (LocalDate | null)[][] {
  const weekday = (new Date(toUtc(first)).getUTCDay() + 6) % 7;
  const next = monthStart(first, 1);
  const cells: (LocalDate | null)[] = Array.from({ length: weekday }, () => null);
  for (let day = first; day < next; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (LocalDate | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return weeks;
}

/** A local date in words, in the given locale (never shifted by the reader's zone). */
export function formatLocalDate(
  date: LocalDate,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(toUtc(date));
}

/** The later of two local dates (they compare as strings; Math.max would read numbers). */
export function laterDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}
