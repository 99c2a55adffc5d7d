import { createContext, use } from "react";
import { DayButton, type DayButtonProps, DayPicker } from "react-day-picker";
import { useI18n } from "../../i18n/use-i18n.ts";
import { fromCalendarDate, toCalendarDate, useCalendarBasics } from "./calendar-basics.tsx";
import "./stay-calendar.css";
import type { LocalDate } from "./local-date.ts";

export type DayState =
  | "unknown"
  | "free"
  | "full"
  | "closed"
  | "checkOutPossible"
  | "checkIn"
  | "checkOut"
  | "stay";

interface StayCalendarProps {
  today: LocalDate;
  /** The first visible month's first day. */
  month: LocalDate;
  /** The earliest and latest month that may be shown (their first days). */
  firstMonth: LocalDate;
  lastMonth: LocalDate;
  onMonthChange: (month: LocalDate) => void;
  checkIn: LocalDate | undefined;
  checkOut: LocalDate | undefined;
  dayState: (date: LocalDate) => DayState;
  /** How many rooms are free on a night that can start a stay. */
  freeRooms: (date: LocalDate) => number;
  selectable: (date: LocalDate) => boolean;
  onPick: (date: LocalDate) => void;
  /** The id of a message about the dates (a problem), read with every day. */
  describedBy?: string | undefined;
}

const Nights = createContext<Pick<StayCalendarProps, "freeRooms" | "describedBy">>({
  freeRooms: () => 0,
});

/**
 * A free night shows how many rooms are free under its number. The figure is drawn by CSS
 * from `data-rooms`: the button's name says it in words, and its text stays the day.
 */
function NightButton(props: DayButtonProps) {
  const nights = use(Nights);
  const date = props.day.isoDate;
  const count = props.modifiers.free ? nights.freeRooms(date) : 0;
  return (
    <DayButton
      {...props}
      data-date={date}
      data-rooms={count > 0 ? count : undefined}
      aria-describedby={nights.describedBy}
    />
  );
}

/**
 * Months of nights to pick a check-in and a check-out from. The picker draws the range and
 * moves the focus (arrows, Home/End, PageUp/PageDown); which day may be picked, and what a
 * pick means, stay this page's rules: a check-out may fall on a full night, a day that is
 * not a valid check-out starts a new stay.
 */
export function StayCalendar(props: StayCalendarProps) {
  const { t } = useI18n();
  const basics = useCalendarBasics(props);
  const state = (date: Date) => props.dayState(fromCalendarDate(date));
  return (
    <Nights value={{ freeRooms: props.freeRooms, describedBy: props.describedBy }}>
      <DayPicker
        {...basics.props}
        className="booking-calendar stay-calendar"
        mode="range"
        selected={{
          from: props.checkIn ? toCalendarDate(props.checkIn) : undefined,
          to: props.checkOut ? toCalendarDate(props.checkOut) : undefined,
        }}
        onSelect={(_range, picked) => {
          const date = fromCalendarDate(picked);
          if (props.selectable(date)) props.onPick(date);
        }}
        // A night not loaded yet stays reachable: the keyboard may page into a month
        // whose nights are still on their way (the picker skips disabled days).
        disabled={(date) => state(date) !== "unknown" && !props.selectable(fromCalendarDate(date))}
        modifiers={{
          free: (date) => state(date) === "free",
          full: (date) => state(date) === "full",
          closed: (date) => state(date) === "closed",
          checkOutPossible: (date) => state(date) === "checkOutPossible",
        }}
        modifiersClassNames={{
          free: "night-free",
          full: "night-full",
          closed: "night-closed",
          checkOutPossible: "night-check-out-possible",
        }}
        components={{ DayButton: NightButton }}
        labels={{
          ...basics.props.labels,
          labelDayButton: (date) => {
            const local = fromCalendarDate(date);
            return t(`bookStay.day.${props.dayState(local)}`, {
              date: basics.longDay(date),
              count: props.freeRooms(local),
            });
          },
        }}
      />
    </Nights>
  );
}
