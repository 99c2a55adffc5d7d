import { useId, useRef, useState } from "react";
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
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState("copied");
    } catch {
      // No clipboard access (permissions, insecure context): select it for a manual copy.
      input.current?.select();
      setCopyState("failed");
    }
  };

  return (
    <section className="token-secret" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("tokens.secretTitle", { name })}</h3>
      <p className="warning">{t("tokens.secretWarning")}</p>
      <label htmlFor={id}>{t("tokens.secretLabel")}</label>
      {/* Several full-width lines: the whole secret stays visible on a phone. */}
      <textarea
        ref={input}
        id={id}
        className="mono token-text"
        value={secret}
        rows={4}
        readOnly
        spellCheck={false}
        data-testid="token-secret"
        onFocus={(event) => event.target.select()}
      />
      <p role="status" className="copy-status">
        {copyState === "copied" && t("tokens.copied")}
        {copyState === "failed" && t("tokens.copyFailed")}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={copy}>
          {t("tokens.copy")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDismiss}>
          {t("tokens.dismiss")}
        </button>
      </div>
    </section>
  );
}
