import type { VenueCalendar } from "@booking/contracts";
import type { CSSProperties } from "react";
import type { LocalDate } from "../book-stay/local-date.ts";
import { layoutRow } from "./bar-layout.ts";
import { CalendarBar } from "./calendar-bar.tsx";
import { DayHeader } from "./day-header.tsx";

/**
 * Shortest bar, in days: with a day at least 2 rem wide, a one-hour appointment is still
 * 24 px, big enough to read its colour and to tap.
 */
const MIN_BAR_DAYS = 0.75;

/**
 * The month as a chart: the venue's resources down, the days across, each booking a bar
 * from its start to its end on the venue's clock. Closed days are shaded. On a narrow
 * screen the chart scrolls sideways while the resources' names stay in view.
 */
export function CalendarGrid({
  calendar,
  days,
  closed,
  today,
  timeZone,
  label,
}: {
  calendar: VenueCalendar;
  days: readonly LocalDate[];
  closed: ReadonlySet<LocalDate>;
  today: LocalDate;
  timeZone: string;
  label: string;
}) {
  const first = days[0] ?? today;
  const month = { first, days: days.length, timeZone };
  return (
    // The region can take focus so that keyboard users can scroll it sideways.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="cal-scroll" aria-label={label} tabIndex={0}>
      <div className="cal" style={{ "--days": days.length } as CSSProperties}>
        <DayHeader days={days} closed={closed} today={today} />
        <ul className="cal-rows">
          {calendar.resources.map((resource) => {
            const bookings = resource.bookings.flatMap((booking) =>
              booking.id && booking.status
                ? [{ ...booking, id: booking.id, status: booking.status }]
                : [],
            );
            const row = layoutRow(bookings, month, MIN_BAR_DAYS);
            return (
              <li key={resource.id} className="cal-row" data-testid="calendar-row">
                <h3 className="cal-resource">{resource.name}</h3>
                <div className="cal-track" style={{ "--lanes": row.lanes } as CSSProperties}>
                  <div className="cal-track-days" aria-hidden="true">
                    {days.map((day) => (
                      <span key={day} className={closed.has(day) ? "cal-closed" : undefined} />
                    ))}
                  </div>
                  <ul className="cal-bars">
                    {row.bars.map((bar) => (
                      <CalendarBar
                        key={bar.item.id}
                        bar={bar}
                        days={days.length}
                        timeZone={timeZone}
                      />
                    ))}
                  </ul>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
