import { ShownOnce } from "../../components/shown-once.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";

/** The secret of a just-created token: shown once, with a copy button, until dismissed. */
export function NewTokenSecret({
  name,
  secret,
  onDismiss,
}: {
  name: string;
  secret: string;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <ShownOnce
      title={t("tokens.secretTitle", { name })}
      warning={t("tokens.secretWarning")}
      label={t("tokens.secretLabel")}
      value={secret}
      testId="token-secret"
      onDismiss={onDismiss}
    />
  );
}
