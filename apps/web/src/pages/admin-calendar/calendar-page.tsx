import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";

export function CalendarPage() {
  const { t } = useI18n();
  return <PageHeading title={t("admin.nav.calendar")} />;
}
