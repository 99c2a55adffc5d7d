import { useI18n } from "../i18n/use-i18n.ts";

/** Lets keyboard users jump past the header; visible only when focused. */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a href="#main" className="skip-link">
      {t("app.skipToContent")}
    </a>
  );
}
