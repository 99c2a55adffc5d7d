import type { CalendarBooking } from "@booking/contracts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { formatPeriod } from "../my-bookings/booking-format.ts";
import { AdminBookingLink } from "./admin-booking-link.tsx";
import type { PlacedBar } from "./bar-layout.ts";

type ShownBooking = CalendarBooking & {
  id: string;
  status: NonNullable<CalendarBooking["status"]>;
};

/**
 * One booking on its resource's row: a link to the booking. The fill tells the status at a
 * glance and its pattern tells it without colour (see the legend); the link's text says
 * who, the status and when, for screen readers and as a tooltip.
 */
export function CalendarBar({
  bar,
  days,
  timeZone,
}: {
  bar: PlacedBar<ShownBooking>;
  days: number;
  timeZone: string;
}) {
  const { t, language } = useI18n();
  const booking = bar.item;
  const who = booking.label ?? t("adminCalendar.unnamed");
  const status = t(`booking.status.${booking.status}`);
  const when = formatPeriod(booking, timeZone, language);
  const classes = [
    "cal-bar",
    `cal-status-${booking.status}`,
    bar.startsBefore ? "cal-bar-cut-start" : "",
    bar.endsAfter ? "cal-bar-cut-end" : "",
  ];
  return (
    <li>
      <AdminBookingLink
        bookingId={booking.id}
        className={classes.join(" ").trim()}
        style={{
          left: `${(bar.from / days) * 100}%`,
          width: `${((bar.to - bar.from) / days) * 100}%`,
          top: `calc(${bar.lane} * var(--cal-lane))`,
        }}
        title={`${who} · ${status} · ${when}`}
        data-testid="calendar-bar"
        data-status={booking.status}
      >
        <span className="cal-bar-text">{who}</span>
        <span className="visually-hidden">
          , {status}, {when}
        </span>
      </AdminBookingLink>
    </li>
  );
}
