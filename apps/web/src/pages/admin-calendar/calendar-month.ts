import { addDays, type LocalDate, monthStart } from "../book-stay/local-date.ts";

/** A calendar month, `YYYY-MM`. */
export type Month = string;

/** The month a local date lies in. */
export function monthOf(date: LocalDate): Month {
  return date.slice(0, 7);
}

/** The month `months` before (negative) or after this one. */
export function shiftMonth(month: Month, months: number): Month {
  return monthOf(monthStart(`${month}-01`, months));
}

/** Every day of a month, the 1st first. */
export function daysOfMonth(month: Month): LocalDate[] {
  const next = monthStart(`${month}-01`, 1);
  const days: LocalDate[] = [];
  for (let day = `${month}-01`; day < next; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The days of a month on which the venue is closed (closures name inclusive local dates). */
export function closedDays(
  days: readonly LocalDate[],
  closures: readonly { from: LocalDate; to: LocalDate }[],
): Set<LocalDate> {
  return new Set(
    days.filter((day) => closures.some((closure) => closure.from <= day && day <= closure.to)),
  );
}
