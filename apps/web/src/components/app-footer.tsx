import { Link } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n.ts";

export function AppFooter() {
  const { t } = useI18n();
  return (
    <footer className="app-footer">
      <Link to="/status">{t("footer.status")}</Link> · <a href="/docs">{t("footer.apiDocs")}</a> ·{" "}
      <a href="/api/v1/openapi.json">{t("footer.openapi")}</a>
    </footer>
  );
}
