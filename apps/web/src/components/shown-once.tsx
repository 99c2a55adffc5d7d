import { useId, useRef, useState } from "react";
import { useI18n } from "../i18n/use-i18n.ts";

/**
 * A secret shown once (a new API token, a calendar feed's address): readable whole on a
 * phone, with a copy button, until dismissed.
 */
export function ShownOnce({
  title,
  warning,
  label,
  value,
  testId,
  onDismiss,
}: {
  title: string;
  warning: string;
  label: string;
  value: string;
  testId: string;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState("copied");
    } catch {
      // No clipboard access (permissions, insecure context): select it for a manual copy.
      input.current?.select();
      setCopyState("failed");
    }
  };

  return (
    <section className="token-secret" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="warning">{warning}</p>
      <label htmlFor={id}>{label}</label>
      {/* Several full-width lines: the whole secret stays visible on a phone. */}
      <textarea
        ref={input}
        id={id}
        className="mono token-text"
        value={value}
        rows={4}
        readOnly
        spellCheck={false}
        data-testid={testId}
        onFocus={(event) => event.target.select()}
      />
      <p role="status" className="copy-status">
        {copyState === "copied" && t("shownOnce.copied")}
        {copyState === "failed" && t("shownOnce.copyFailed")}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={copy}>
          {t("shownOnce.copy")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDismiss}>
          {t("shownOnce.dismiss")}
        </button>
      </div>
    </section>
  );
}
