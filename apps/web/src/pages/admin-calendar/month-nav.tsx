import { Link } from "@tanstack/react-router";
import { useI18n } from "../../i18n/use-i18n.ts";
import { shiftMonth } from "./calendar-month.ts";

/** Back and forth by a month; the month is in the address, so each one can be linked to. */
export function MonthNav({ venueId, month }: { venueId: string; month: string }) {
  const { t } = useI18n();
  return (
    <nav className="cal-nav" aria-label={t("adminCalendar.months")}>
      <Link
        to="/admin/calendar"
        search={{ venueId, month: shiftMonth(month, -1) }}
        className="button button-secondary button-small"
      >
        <span aria-hidden="true">‹</span> {t("adminCalendar.previous")}
      </Link>
      <Link
        to="/admin/calendar"
        search={{ venueId, month: shiftMonth(month, 1) }}
        className="button button-secondary button-small"
      >
        {t("adminCalendar.next")} <span aria-hidden="true">›</span>
      </Link>
    </nav>
  );
}
