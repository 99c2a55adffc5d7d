import type { Language } from "../../i18n/languages.ts";
import { locales } from "../../i18n/locale.ts";

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date | string, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** A local date some calendar days later (or earlier); no time zone is involved. */
export function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T12:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/** The hour (0–23) of an instant on the wall clock of a time zone. */
export function hourIn(instant: string, zone: string): number {
  const hour = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hour: "2-digit",
    hourCycle: "h23",
  }).format(new Date(instant));
  return Number(hour);
}

/** "08:30": the time of an instant on the wall clock of a time zone. */
export function formatTime(instant: string, zone: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(instant));
}

/** A local date with its weekday, e.g. "Monday, 7 December 2026". */
export function formatLongDay(date: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "09:41" for the time left, never negative. */
export function formatCountdown(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}
