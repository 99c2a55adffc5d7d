import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { addDays, formatLocalDate, type LocalDate, monthStart, monthWeeks } from "./local-date.ts";

export type DayState = "free" | "full" | "checkOutPossible" | "checkIn" | "checkOut" | "stay";

interface StayCalendarProps {
  /** The first visible month's first day. */
  month: LocalDate;
  monthCount: number;
  /** The earliest and latest month that may be shown (their first days). */
  firstMonth: LocalDate;
  lastMonth: LocalDate;
  onMonthChange: (month: LocalDate) => void;
  dayState: (date: LocalDate) => DayState;
  selectable: (date: LocalDate) => boolean;
  onPick: (date: LocalDate) => void;
  /** Where the keyboard starts in the grid. */
  initialFocus: LocalDate;
  describedBy?: string;
}

// A Monday, to name the weekdays in the reader's language.
const aMonday = "2024-01-01";

/**
 * Months of nights as tables of buttons. One button per day is in the tab order (the
 * "roving" one); arrow keys move it, as in the WAI-ARIA date picker pattern.
 */
export function StayCalendar(props: StayCalendarProps) {
  const { t, language } = useI18n();
  const locale = locales[language];
  const [focus, setFocus] = useState<LocalDate>(props.initialFocus);
  const moved = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  const visibleEnd = monthStart(props.month, props.monthCount);
  // The focus stays on a visible day when the months change by the buttons.
  const roving = focus >= props.month && focus < visibleEnd ? focus : props.initialFocus;
  const rovingVisible = roving >= props.month && roving < visibleEnd ? roving : props.month;

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    root.current?.querySelector<HTMLButtonElement>(`[data-date="${rovingVisible}"]`)?.focus();
  });

  const moveFocus = (to: LocalDate) => {
    const target = monthStart(to);
    if (target < props.firstMonth || target > props.lastMonth) return;
    if (to < props.month) props.onMonthChange(target);
    else if (to >= visibleEnd) props.onMonthChange(monthStart(target, 1 - props.monthCount));
    moved.current = true;
    setFocus(to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    moveFocus(addDays(rovingVisible, step));
  };

  const weekdays = Array.from({ length: 7 }, (_, index) => ({
    short: formatLocalDate(addDays(aMonday, index), locale, { weekday: "short" }),
    long: formatLocalDate(addDays(aMonday, index), locale, { weekday: "long" }),
  }));
  const months = Array.from({ length: props.monthCount }, (_, index) =>
    monthStart(props.month, index),
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys of the buttons inside bubble here
    <div className="stay-calendar" ref={root} onKeyDown={onKeyDown}>
      <div className="stay-calendar-nav">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => props.onMonthChange(monthStart(props.month, -1))}
          disabled={props.month <= props.firstMonth}
        >
          <span aria-hidden="true">←</span> {t("bookStay.previousMonth")}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => props.onMonthChange(monthStart(props.month, 1))}
          disabled={monthStart(props.month, props.monthCount - 1) >= props.lastMonth}
        >
          {t("bookStay.nextMonth")} <span aria-hidden="true">→</span>
        </button>
      </div>
      <div className="stay-months">
        {months.map((first) => {
          const captionId = `stay-month-${first}`;
          return (
            <table key={first} className="stay-month" aria-labelledby={captionId}>
              <caption id={captionId} aria-live="polite">
                {formatLocalDate(first, locale, { month: "long", year: "numeric" })}
              </caption>
              <thead>
                <tr>
                  {weekdays.map((weekday) => (
                    <th key={weekday.long} scope="col" abbr={weekday.long}>
                      {weekday.short}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {monthWeeks(first).map((week) => (
                  <tr key={`${first}-${week.find(Boolean)}`}>
                    {week.map((date, index) =>
                      date ? (
                        <td key={date}>
                          <DayButton
                            date={date}
                            locale={locale}
                            state={props.dayState(date)}
                            selectable={props.selectable(date)}
                            tabbable={date === rovingVisible}
                            onPick={() => {
                              setFocus(date);
                              props.onPick(date);
                            }}
                            describedBy={props.describedBy}
                          />
                        </td>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no date
                        <td key={`pad-${index}`} />
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </div>
  );
}

function DayButton({
  date,
  locale,
  state,
  selectable,
  tabbable,
  onPick,
  describedBy,
}: {
  date: LocalDate;
  locale: string;
  state: DayState;
  selectable: boolean;
  tabbable: boolean;
  onPick: () => void;
  describedBy: string | undefined;
}) {
  const { t } = useI18n();
  const words = formatLocalDate(date, locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const chosen = state === "checkIn" || state === "checkOut" || state === "stay";
  return (
    <button
      type="button"
      data-date={date}
      className={`stay-day stay-day-${state}`}
      tabIndex={tabbable ? 0 : -1}
      aria-label={t(`bookStay.day.${state}`, { date: words })}
      aria-pressed={chosen}
      aria-disabled={selectable ? undefined : true}
      aria-describedby={describedBy}
      onClick={() => {
        if (selectable) onPick();
      }}
    >
      {Number(date.slice(8))}
    </button>
  );
}
