import { Link } from "@tanstack/react-router";
import { useI18n } from "../../i18n/use-i18n.ts";

/** Back and forth by a year; the year is in the address, so each one can be linked to. */
export function YearNav({ venueId, year }: { venueId: string; year: number }) {
  const { t } = useI18n();
  return (
    <nav className="statistics-nav" aria-label={t("adminStatistics.years")}>
      {year > 2000 && (
        <Link
          to="/admin/statistics"
          search={{ venueId, year: year - 1 }}
          className="button button-secondary button-small"
        >
          <span aria-hidden="true">‹</span> {t("adminStatistics.previous")}
        </Link>
      )}
      {year < 2200 && (
        <Link
          to="/admin/statistics"
          search={{ venueId, year: year + 1 }}
          className="button button-secondary button-small"
        >
          {t("adminStatistics.next")} <span aria-hidden="true">›</span>
        </Link>
      )}
    </nav>
  );
}
