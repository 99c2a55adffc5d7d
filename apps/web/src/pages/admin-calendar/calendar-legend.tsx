import { useI18n } from "../../i18n/use-i18n.ts";

/** The statuses a calendar shows an admin (the read model leaves out the others). */
export const SHOWN_STATUSES = ["held", "pending", "confirmed", "completed", "no_show"] as const;

/** What each fill and pattern of the chart means, in words. */
export function CalendarLegend() {
  const { t } = useI18n();
  return (
    <section className="cal-legend" aria-labelledby="cal-legend-heading">
      <h3 id="cal-legend-heading" className="visually-hidden">
        {t("adminCalendar.legend")}
      </h3>
      <ul>
        {SHOWN_STATUSES.map((status) => (
          <li key={status}>
            <span className={`cal-swatch cal-status-${status}`} aria-hidden="true" />
            {t(`booking.status.${status}`)}
          </li>
        ))}
        <li>
          <span className="cal-swatch cal-closed" aria-hidden="true" />
          {t("adminCalendar.closed")}
        </li>
      </ul>
    </section>
  );
}
