import { useI18n } from "../../i18n/use-i18n.ts";

/**
 * Says in which zone the venue's times are, and warns when the reader's device is set to
 * another one: 09:00 in Kiel is not 09:00 for someone planning from Lisbon.
 */
export function TimeZoneNote({ zone }: { zone: string }) {
  const { t } = useI18n();
  const yours = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <p className="time-zone-note" data-testid="time-zone-note">
      {yours === zone ? t("venue.timeZone", { zone }) : t("venue.timeZoneDiffers", { zone, yours })}
    </p>
  );
}
