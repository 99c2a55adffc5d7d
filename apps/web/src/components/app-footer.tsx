import { useI18n } from "../i18n/use-i18n.ts";
import { paths } from "../routes.ts";

export function AppFooter() {
  const { t } = useI18n();
  return (
    <footer className="app-footer">
      <a href={paths.status}>{t("footer.status")}</a> · <a href="/docs">{t("footer.apiDocs")}</a> ·{" "}
      <a href="/api/v1/openapi.json">{t("footer.openapi")}</a>
    </footer>
  );
}
