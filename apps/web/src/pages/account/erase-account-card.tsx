import { useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useEraseAccount } from "./use-erase-account.ts";

/** Two steps, and a checkbox in between: erasure cannot be undone. */
export function EraseAccountCard() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const erase = useEraseAccount();
  const checkboxId = useId();
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);

  const cancel = () => {
    setConfirming(false);
    setUnderstood(false);
    erase.reset();
  };

  return (
    <section className="card card-danger" aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t("erase.title")}</h2>
      <p>{t("erase.body")}</p>
      {confirming ? (
        <div className="confirm-step">
          <div className="checkbox">
            <input
              id={checkboxId}
              type="checkbox"
              checked={understood}
              onChange={(event) => setUnderstood(event.target.checked)}
            />
            <label htmlFor={checkboxId}>{t("erase.confirmCheckbox")}</label>
          </div>
          {erase.isError && <Alert kind="error">{describe(erase.error)}</Alert>}
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={!understood || erase.isPending}
              onClick={() => erase.mutate()}
            >
              {erase.isPending ? t("erase.erasing") : t("erase.confirm")}
            </button>
            <button type="button" className="button button-secondary" onClick={cancel}>
              {t("erase.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t("erase.start")}
        </button>
      )}
    </section>
  );
}
