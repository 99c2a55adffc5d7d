import { type FormEvent, useState } from "react";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";

/** The reason is required: the person is told why, rather than only "no". */
export function RejectForm({
  name,
  busy,
  onReject,
  onCancel,
}: {
  name: string;
  busy: boolean;
  onReject: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(trimmed === "");
    if (trimmed !== "") onReject(trimmed);
  };
  return (
    <form className="reject-form" onSubmit={submit} noValidate>
      <TextField
        label={t("admin.rejectReason", { name })}
        name="reason"
        value={reason}
        onChange={setReason}
        error={missing ? t("validation.required") : undefined}
        maxLength={2000}
        required
        // The form appears because the admin asked for it: the reason is the next step.
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={busy}>
          {t("admin.rejectConfirm")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
