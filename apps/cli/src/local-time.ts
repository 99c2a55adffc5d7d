/** A date and time as seen on the wall clock of `timeZone`. */
export interface LocalDateTime {
  /** `2027-03-28` */
  date: string;
  /** `03:00`, 24-hour */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date and time of an instant in an IANA zone (UTC when the zone is unknown). */
export function localDateTime(iso: string, timeZone: string): LocalDateTime {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return { date: iso, time: "" };
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** `2027-05-03 09:00–10:00`, or with both dates when the interval crosses midnight. */
export function formatLocalInterval(start: string, end: string, timeZone: string): string {
  const from = localDateTime(start, timeZone);
  const to = localDateTime(end, timeZone);
  const until = from.date === to.date ? to.time : `${to.date} ${to.time}`;
  return `${from.date} ${from.time}–${until}`;
}

/** `Mon 2027-05-03`: a local date with its weekday, for rows of nights. */
export function withWeekday(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).toLocaleDateString("en", {
    weekday: "short",
    timeZone: "UTC",
  });
  return `${weekday} ${date}`;
}

/** Whole days from one local date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    };
    try {
      formatter = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
