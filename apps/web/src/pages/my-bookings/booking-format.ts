import type { BookingDto } from "@booking/contracts";
import type { Language } from "../../i18n/languages.ts";
import { locales } from "../../i18n/locale.ts";

/** An instant as the venue's clock shows it, e.g. "Fri 3 Jul 2026, 15:00". */
export function formatInstant(iso: string, zone: string, language: Language): string {
  return dateTimeFormat(zone, language).format(new Date(iso));
}

/**
 * When a booking takes place, in the venue's zone: "Fri 3 Jul 2026, 10:00–11:00" for an
 * appointment, both days with their times for a stay.
 */
export function formatPeriod(
  booking: Pick<BookingDto, "start" | "end">,
  zone: string,
  language: Language,
) {
  return dateTimeFormat(zone, language).formatRange(new Date(booking.start), new Date(booking.end));
}

function dateTimeFormat(zone: string, language: Language) {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
  });
}

export type CancelState =
  | { kind: "final" }
  | { kind: "anyTime" }
  | { kind: "untilNotice"; deadline: string }
  | { kind: "tooLate"; deadline: string };

/**
 * Whether the booker may still cancel (docs/product.md, "Changing a booking"): holds and
 * pending requests at any time; a confirmed booking until `start − cancellationNoticeHours`
 * (that instant included); final statuses never.
 */
export function cancelState(
  booking: Pick<BookingDto, "status" | "start">,
  noticeHours: number,
  now: Date,
): CancelState {
  if (booking.status === "held" || booking.status === "pending") return { kind: "anyTime" };
  if (booking.status !== "confirmed") return { kind: "final" };
  const deadline = new Date(Date.parse(booking.start) - noticeHours * 3_600_000);
  return now.getTime() <= deadline.getTime()
    ? { kind: "untilNotice", deadline: deadline.toISOString() }
    : { kind: "tooLate", deadline: deadline.toISOString() };
}

/** The local date of the device, `YYYY-MM-DD`: where "upcoming" ends and "past" begins. */
export function localToday(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The local date, `YYYY-MM-DD`, of an instant in a zone. */
export function localDateIn(iso: string, zone: string): string {
  // Swedish writes dates the ISO way.
  return new Intl.DateTimeFormat("sv-SE", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone: zone,
  }).format(new Date(iso));
}

/** Only the times of a period, "08:30–09:30": for choices on a day already named. */
export function formatTimes(
  period: Pick<BookingDto, "start" | "end">,
  zone: string,
  language: Language,
) {
  return new Intl.DateTimeFormat(locales[language], {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
  }).formatRange(new Date(period.start), new Date(period.end));
}
