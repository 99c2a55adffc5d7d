import { DayPicker as MonthPicker } from "react-day-picker";
import { useI18n } from "../../i18n/use-i18n.ts";
import {
  fromCalendarDate,
  toCalendarDate,
  useCalendarBasics,
} from "../book-stay/calendar-basics.tsx";

/**
 * Months of days to pick an appointment's day from. Days with a free time are marked and
 * can be picked; full, closed or past days stay visible but cannot. The keyboard moves as
 * the picker provides (arrows, Home/End, PageUp/PageDown).
 */
export function DayPicker({
  today,
  month,
  firstMonth,
  lastMonth,
  onMonthChange,
  freeDays,
  known,
  selected,
  onSelect,
}: {
  today: string;
  month: string;
  firstMonth: string;
  lastMonth: string;
  onMonthChange: (month: string) => void;
  freeDays: ReadonlySet<string>;
  /** Whether a day's times are loaded (the others are neither free nor full yet). */
  known: (date: string) => boolean;
  selected: string | undefined;
  onSelect: (date: string) => void;
}) {
  const { t } = useI18n();
  const basics = useCalendarBasics({ today, month, firstMonth, lastMonth, onMonthChange });
  const free = (date: Date) => freeDays.has(fromCalendarDate(date));
  return (
    <MonthPicker
      {...basics.props}
      className="booking-calendar day-picker"
      mode="single"
      required
      selected={selected ? toCalendarDate(selected) : undefined}
      onSelect={(date) => {
        if (free(date)) onSelect(fromCalendarDate(date));
      }}
      // A day not loaded yet stays reachable: the keyboard may page into a month whose
      // times are still on their way (the picker skips disabled days).
      disabled={(date) => known(fromCalendarDate(date)) && !free(date)}
      modifiers={{ free }}
      modifiersClassNames={{ free: "day-free" }}
      labels={{
        ...basics.props.labels,
        labelDayButton: (date, modifiers) =>
          t(
            modifiers.free
              ? "bookSlot.dayFree"
              : known(fromCalendarDate(date))
                ? "bookSlot.dayFull"
                : "bookSlot.dayLoading",
            { date: basics.longDay(date) },
          ),
      }}
    />
  );
}
