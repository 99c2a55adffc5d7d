import { useMemo } from "react";
import { DayButton, type DayButtonProps, type DayPickerProps } from "react-day-picker";
import "react-day-picker/style.css";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import "./calendar.css";
import type { LocalDate } from "./local-date.ts";
import { useWideScreen } from "./use-wide-screen.ts";

/**
 * The calendar works on UTC midnights: a venue's local date `2026-12-10` is the instant
 * `2026-12-10T00:00:00Z`, and the picker is told the zone is UTC. So the reader's own time
 * zone never moves a day, and the venue's zone only decides which day is today.
 */
const calendarZone = "UTC";

export function toCalendarDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function fromCalendarDate(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

/** A local date in words, in the reader's language (never shifted by the reader's zone). */
function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: calendarZone });
  return (date: Date) => format.format(date);
}

/** The day buttons carry their local date, for tests and for focusing a day by its date. */
function DatedDayButton(props: DayButtonProps) {
  return <DayButton {...props} data-date={props.day.isoDate} />;
}

/**
 * What both booking calendars share: months of the venue's dates from `firstMonth` to
 * `lastMonth` (first days), Monday first, one month on a phone and two side by side where
 * there is room, month names and labels in the reader's language by Intl (no date-fns
 * locale is loaded), and today as the venue sees it.
 */
export function useCalendarBasics({
  today,
  month,
  firstMonth,
  lastMonth,
  onMonthChange,
}: {
  today: LocalDate;
  month: LocalDate;
  firstMonth: LocalDate;
  lastMonth: LocalDate;
  onMonthChange: (month: LocalDate) => void;
}) {
  const { t, language } = useI18n();
  const wide = useWideScreen();
  const locale = locales[language];
  const texts = useMemo(() => {
    const caption = formatter(locale, { month: "long", year: "numeric" });
    return {
      formatters: {
        formatCaption: caption,
        formatDay: formatter(locale, { day: "numeric" }),
        formatWeekdayName: formatter(locale, { weekday: "short" }),
      },
      longDay: formatter(locale, {
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
      }),
      labels: {
        labelGrid: caption,
        labelWeekday: formatter(locale, { weekday: "long" }),
        labelNext: () => t("bookStay.nextMonth"),
        labelPrevious: () => t("bookStay.previousMonth"),
        labelNav: () => t("bookStay.calendarNav"),
      },
    };
  }, [locale, t]);

  const monthCount = wide ? 2 : 1;
  const props = {
    timeZone: calendarZone,
    lang: language,
    weekStartsOn: 1,
    numberOfMonths: monthCount,
    today: toCalendarDate(today),
    month: toCalendarDate(month),
    startMonth: toCalendarDate(firstMonth),
    endMonth: toCalendarDate(lastMonth),
    onMonthChange: (next: Date) => onMonthChange(fromCalendarDate(next)),
    formatters: texts.formatters,
    labels: texts.labels,
    components: { DayButton: DatedDayButton },
  } satisfies Partial<DayPickerProps>;
  return { props, monthCount, longDay: texts.longDay };
}
