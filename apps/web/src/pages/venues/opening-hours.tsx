import type { VenueDto } from "@booking/contracts";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";

const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Weekday names from Intl: 2024-01-01 was a Monday. */
function weekdayName(index: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
    Date.UTC(2024, 0, 1 + index),
  );
}

/** The week's opening hours, in the venue's local time (the note above the list says so). */
export function OpeningHours({ hours }: { hours: VenueDto["openingHours"] }) {
  const { t, language } = useI18n();
  return (
    <dl className="facts opening-hours">
      {weekdays.map((day, index) => (
        <div key={day}>
          <dt>{weekdayName(index, locales[language])}</dt>
          <dd>
            {hours[day].length === 0
              ? t("venue.closed")
              : hours[day].map(([from, to]) => `${from}–${to}`).join(", ")}
          </dd>
        </div>
      ))}
    </dl>
  );
}
