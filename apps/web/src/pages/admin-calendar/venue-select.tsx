import type { VenueDto } from "@booking/contracts";
import { useId } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";
import "./venue-select.css";

/** Which venue an admin page shows (the calendar's and the statistics' own choice). */
export function VenueSelect({
  venues,
  value,
  onChange,
}: {
  venues: readonly VenueDto[];
  value: string;
  onChange: (venueId: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field admin-venue-select">
      <label htmlFor={id}>{t("adminInsights.venue")}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {venues.map((venue) => (
          <option key={venue.id} value={venue.id}>
            {venue.name}
          </option>
        ))}
      </select>
    </div>
  );
}
