import { Link } from "@tanstack/react-router";
import { PageHeading } from "../components/page-heading.tsx";
import { useI18n } from "../i18n/use-i18n.ts";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("notFound.title")} />
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </>
  );
}
