import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { formatLocalDate, type LocalDate } from "../book-stay/local-date.ts";

/**
 * The days across the top: weekday and day of the month, closed days shaded, today marked.
 * Hidden from screen readers: each bar already says its dates, and the closures are listed
 * in words under the chart.
 */
export function DayHeader({
  days,
  closed,
  today,
}: {
  days: readonly LocalDate[];
  closed: ReadonlySet<LocalDate>;
  today: LocalDate;
}) {
  const { language } = useI18n();
  const locale = locales[language];
  return (
    <div className="cal-head" aria-hidden="true">
      <span className="cal-corner" />
      <div className="cal-days">
        {days.map((day) => {
          const classes = [closed.has(day) ? "cal-closed" : "", day === today ? "cal-today" : ""];
          return (
            <span key={day} className={classes.join(" ").trim() || undefined}>
              <span className="cal-weekday">
                {formatLocalDate(day, locale, { weekday: "narrow" })}
              </span>
              <span>{formatLocalDate(day, locale, { day: "numeric" })}</span>
            </span>
          );
        })}
      </div>
    </div>
  );
}
