import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";

/**
 * A reason before a decision that ends a booking: the booker is told why, not only "no".
 * The form appears because the admin asked for it, so the reason field takes the focus.
 */
export function ReasonForm({
  label,
  submitLabel,
  busy,
  onSubmit,
  onClose,
}: {
  label: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(trimmed === "");
    if (trimmed !== "") onSubmit(trimmed);
  };
  return (
    <form className="form reason-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          ref={field}
          id={id}
          name="reason"
          value={reason}
          maxLength={2000}
          required
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {missing && (
          <p className="field-error" id={`${id}-error`}>
            {t("validation.required")}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t("adminBooking.close")}
        </button>
      </div>
    </form>
  );
}
