import { PageHeading } from "../components/page-heading.tsx";
import { useI18n } from "../i18n/use-i18n.ts";

export function GoodbyePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("goodbye.title")} />
      <p role="status">{t("goodbye.body")}</p>
    </>
  );
}
