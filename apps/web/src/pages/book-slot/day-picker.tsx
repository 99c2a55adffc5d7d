import { useI18n } from "../../i18n/use-i18n.ts";
import { dayParts, formatLongDay } from "./zoned-time.ts";

/**
 * The next weeks as a grid of day buttons, seven to a row, starting today. Days with a
 * free time are marked; full or closed days stay visible but cannot be picked.
 */
export function DayPicker({
  days,
  freeDays,
  selected,
  onSelect,
}: {
  days: readonly string[];
  freeDays: ReadonlySet<string>;
  selected: string | undefined;
  onSelect: (date: string) => void;
}) {
  const { t, language } = useI18n();
  return (
    <ul className="day-grid" aria-label={t("bookSlot.days")}>
      {days.map((date, index) => {
        const free = freeDays.has(date);
        const parts = dayParts(date, language);
        const label = t(free ? "bookSlot.dayFree" : "bookSlot.dayFull", {
          date: formatLongDay(date, language),
        });
        return (
          <li key={date}>
            <button
              type="button"
              className={`day-button${free ? " day-free" : ""}`}
              aria-pressed={selected === date}
              disabled={!free}
              data-date={date}
              onClick={() => onSelect(date)}
            >
              <span className="visually-hidden">{label}</span>
              <span className="day-weekday" aria-hidden="true">
                {parts.weekday}
              </span>
              <span className="day-number" aria-hidden="true">
                {parts.day}
              </span>
              <span className="day-month" aria-hidden="true">
                {index === 0 || parts.day === "1" || parts.day === "1." ? parts.month : "\u00a0"}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
