import { DAY_MS } from "./local-date.ts";

/**
 * The offset of an IANA zone at an instant, read from Intl (the package has no other time
 * zone data). Intl costs microseconds per call, so offsets are memoised per UTC day: a day
 * whose start and end share an offset is taken as constant, and a day with a transition
 * remembers the second the offset changes. This assumes at most one transition per zone
 * within a day, which holds for every zone in the tz database since 1970; local-time.ts
 * relies on the same assumption. The memo makes no result depend on earlier calls.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Straight from Intl, no memo: the reference the memo is tested against. */
export function zoneOffsetFromIntl(timeZone: string, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond;
}

interface DayOffsets {
  before: number;
  after: number;
  /** First instant with the `after` offset; equal offsets make it the day's start. */
  transition: number;
}

const MEMO_LIMIT = 200_000;
const memo = new Map<string, Map<number, DayOffsets>>();

function transitionBetween(timeZone: string, from: number, to: number, before: number): number {
  // Offsets change on whole seconds; narrow (from, to] to the first second with the new one.
  let low = from / 1000;
  let high = to / 1000;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (zoneOffsetFromIntl(timeZone, middle * 1000) === before) low = middle;
    else high = middle;
  }
  return high * 1000;
}

function offsetsOfDay(timeZone: string, day: number): DayOffsets {
  let days = memo.get(timeZone);
  if (days === undefined) {
    days = new Map();
    memo.set(timeZone, days);
  }
  let offsets = days.get(day);
  if (offsets === undefined) {
    const start = day * DAY_MS;
    const before = zoneOffsetFromIntl(timeZone, start);
    const after = zoneOffsetFromIntl(timeZone, start + DAY_MS);
    const transition =
      before === after ? start : transitionBetween(timeZone, start, start + DAY_MS, before);
    offsets = { before, after, transition };
    if (days.size >= MEMO_LIMIT) days.clear();
    days.set(day, offsets);
  }
  return offsets;
}

/** Milliseconds to add to a UTC instant to get the zone's wall clock (+3,600,000 for Berlin in winter). */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const offsets = offsetsOfDay(timeZone, Math.floor(epochMs / DAY_MS));
  return epochMs < offsets.transition ? offsets.before : offsets.after;
}
