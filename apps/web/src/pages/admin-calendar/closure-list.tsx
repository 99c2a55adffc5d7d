import type { VenueDto } from "@booking/contracts";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { formatLocalDate } from "../book-stay/local-date.ts";

/** The venue's closures that touch the month, in words (the chart only shades them). */
export function ClosureList({
  closures,
  first,
  last,
}: {
  closures: VenueDto["closures"];
  first: string;
  last: string;
}) {
  const { t, language } = useI18n();
  const locale = locales[language];
  const touching = closures.filter((closure) => closure.from <= last && closure.to >= first);
  if (touching.length === 0) return null;
  return (
    <div className="cal-closures">
      <h3>{t("adminCalendar.closures")}</h3>
      <ul>
        {touching.map((closure) => (
          <li key={`${closure.from}-${closure.to}`}>
            {closure.from === closure.to
              ? formatLocalDate(closure.from, locale)
              : `${formatLocalDate(closure.from, locale)} – ${formatLocalDate(closure.to, locale)}`}
            {closure.reason ? ` (${closure.reason})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
