import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { isMissing } from "../../errors/is-missing.ts";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";

/** What an editor page shows while its subject loads, or when it cannot be read. */
export function LoadState({ error }: { error: unknown }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  if (error === null || error === undefined) return <p aria-busy="true">{t("app.loading")}</p>;
  return (
    <>
      <PageHeading title={t(isMissing(error) ? "adminCatalog.notFound" : "admin.nav.catalog")} />
      <Alert kind="error">{describe(error)}</Alert>
    </>
  );
}
