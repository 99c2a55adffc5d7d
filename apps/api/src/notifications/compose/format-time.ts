import { localeOf, type MailLanguage } from "./mail-language.ts";

/**
 * Instants (UTC ISO) as the mails show them: always in the venue's time zone, and saying
 * so, since the reader may be somewhere else. English follows British conventions
 * ("Sat 12 Dec 2026, 10:00–11:00 (Europe/Berlin time)"), German the German ones
 * ("Sa., 12. Dez. 2026, 10:00–11:00 Uhr (Zeitzone Europe/Berlin)"); both use a 24-hour clock.
 */
export interface TimeSpan {
  start: string;
  end: string;
}

/** "Sat 12 Dec 2026" / "Sa., 12. Dez. 2026". */
export function formatDay(instant: string, timeZone: string, language: MailLanguage): string {
  const parts = formatter(language, timeZone, "day").formatToParts(new Date(instant));
  if (language === "de") return plainSpaces(parts.map((part) => part.value).join(""));
  // en-GB writes "Sat, 12 Dec 2026"; without the comma the date reads as one unit.
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? "";
  return `${value("weekday")} ${value("day")} ${value("month")} ${value("year")}`;
}

/** "10:00", in the venue's zone. */
export function formatClock(instant: string, timeZone: string, language: MailLanguage): string {
  return plainSpaces(formatter(language, timeZone, "clock").format(new Date(instant)));
}

/** "(Europe/Berlin time)" / "(Zeitzone Europe/Berlin)". */
export function zoneNote(timeZone: string, language: MailLanguage): string {
  return language === "de" ? `(Zeitzone ${timeZone})` : `(${timeZone} time)`;
}

/**
 * A span on one line: "Sat 12 Dec 2026, 10:00–11:00 (Europe/Berlin time)", or with both
 * dates when it ends on another day. Across a change of the clocks (a slot at 02:30 on the
 * night the clocks go back), the times carry their UTC offsets, so that "02:30–02:30"
 * cannot happen.
 */
export function formatWhen(span: TimeSpan, timeZone: string, language: MailLanguage): string {
  const startDay = formatDay(span.start, timeZone, language);
  const endDay = formatDay(span.end, timeZone, language);
  const note = zoneNote(timeZone, language);
  if (startDay !== endDay) {
    const from = withDay(span.start, timeZone, language);
    return `${from} – ${withDay(span.end, timeZone, language)} ${note}`;
  }
  const uhr = language === "de" ? " Uhr" : "";
  const startOffset = utcOffset(span.start, timeZone);
  const endOffset = utcOffset(span.end, timeZone);
  if (startOffset !== endOffset) {
    const from = `${formatClock(span.start, timeZone, language)} (${startOffset})`;
    const to = `${formatClock(span.end, timeZone, language)} (${endOffset})`;
    return `${startDay}, ${from} – ${to}${uhr} ${note}`;
  }
  const from = formatClock(span.start, timeZone, language);
  return `${startDay}, ${from}–${formatClock(span.end, timeZone, language)}${uhr} ${note}`;
}

/** A moment: "Sat 12 Dec 2026, 10:00 (Europe/Berlin time)" / "Sa., 12. Dez. 2026, 10:00 Uhr (…)". */
export function formatMoment(instant: string, timeZone: string, language: MailLanguage): string {
  return `${withDay(instant, timeZone, language)} ${zoneNote(timeZone, language)}`;
}

/** A stay's arrival: "Sat 12 Dec 2026, from 15:00 (Europe/Berlin time)". */
export function formatCheckIn(instant: string, timeZone: string, language: MailLanguage): string {
  const day = formatDay(instant, timeZone, language);
  const clock = formatClock(instant, timeZone, language);
  const note = zoneNote(timeZone, language);
  return language === "de" ? `${day}, ab ${clock} Uhr ${note}` : `${day}, from ${clock} ${note}`;
}

/** A stay's departure: "Tue 15 Dec 2026, by 10:00 (Europe/Berlin time)". */
export function formatCheckOut(instant: string, timeZone: string, language: MailLanguage): string {
  const day = formatDay(instant, timeZone, language);
  const clock = formatClock(instant, timeZone, language);
  const note = zoneNote(timeZone, language);
  return language === "de" ? `${day}, bis ${clock} Uhr ${note}` : `${day}, by ${clock} ${note}`;
}

/**
 * Short enough for a subject line: a slot's day and start ("Sat 12 Dec 2026, 10:00" /
 * "Sa., 12. Dez. 2026, 10:00 Uhr"), a stay's dates ("12–15 Dec 2026" / "12.–15. Dez. 2026").
 */
export function formatSubjectTime(
  span: TimeSpan,
  mode: "stay" | "slot",
  timeZone: string,
  language: MailLanguage,
): string {
  if (mode === "slot") return withDay(span.start, timeZone, language);
  const dates = formatter(language, timeZone, "dates");
  return plainSpaces(dates.formatRange(new Date(span.start), new Date(span.end)));
}

/** Day and clock: "Sat 12 Dec 2026, 10:00" / "Sa., 12. Dez. 2026, 10:00 Uhr". */
function withDay(instant: string, timeZone: string, language: MailLanguage): string {
  const day = formatDay(instant, timeZone, language);
  const clock = formatClock(instant, timeZone, language);
  return language === "de" ? `${day}, ${clock} Uhr` : `${day}, ${clock}`;
}

/**
 * ICU puts thin and narrow no-break spaces into some formats ("24 – 26 Oct 2026"); a
 * subject line or a plain-text part reads the same with ordinary ones, and every program
 * shows those.
 */
function plainSpaces(text: string): string {
  return text.replace(/[\u2009\u202f]/g, " ");
}

/** "GMT+2" at that instant in that zone. */
function utcOffset(instant: string, timeZone: string): string {
  const parts = formatter("en", timeZone, "offset").formatToParts(new Date(instant));
  return parts.find((part) => part.type === "timeZoneName")?.value ?? "GMT";
}

const styles = {
  day: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  clock: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  dates: { day: "numeric", month: "short", year: "numeric" },
  offset: { timeZoneName: "shortOffset" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building a DateTimeFormat is costly; a mail needs a handful, a batch of mails the same ones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  language: MailLanguage,
  timeZone: string,
  style: keyof typeof styles,
): Intl.DateTimeFormat {
  const key = `${language} ${timeZone} ${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), { ...styles[style], timeZone });
    formatters.set(key, format);
  }
  return format;
}
