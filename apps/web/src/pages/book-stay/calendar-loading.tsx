import { useI18n } from "../../i18n/use-i18n.ts";

/**
 * What shows while the calendar's code arrives: about a month's height, so the form below
 * does not jump when the calendar takes its place.
 */
export function CalendarLoading() {
  const { t } = useI18n();
  return (
    <p aria-busy="true" style={{ minHeight: "19rem", margin: 0 }}>
      {t("app.loading")}
    </p>
  );
}
