import { PageHeading } from "../components/page-heading.tsx";
import { useI18n } from "../i18n/use-i18n.ts";
import { paths } from "../routes.ts";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("notFound.title")} />
      <p>{t("notFound.body")}</p>
      <p>
        <a href={paths.home}>{t("notFound.home")}</a>
      </p>
    </>
  );
}
