import { type ReactNode, useId } from "react";
import { describedBy, FieldNotes } from "../../components/field-notes.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";

type Control =
  | { kind: "input"; type?: "text" | "email" | "tel"; inputMode?: "decimal"; autoComplete?: string }
  | {
      kind: "select";
      options: readonly { value: string; label: string }[];
      /** Offers no empty choice: one of the options always applies. */
      noEmpty?: boolean;
    }
  | { kind: "textarea" };

/**
 * A labelled field of the booking form: required ones say so in words (not only a star),
 * hint and error are announced with the control, and `name` lets the form focus it.
 */
export function FormField({
  name,
  label,
  value,
  onChange,
  control,
  required = false,
  hint,
  error,
  maxLength,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  control: Control;
  required?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  maxLength?: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const common = {
    id,
    name,
    value,
    "aria-invalid": error ? true : undefined,
    "aria-required": required || undefined,
    "aria-describedby": describedBy(id, hint, error),
  } as const;
  let field: ReactNode;
  if (control.kind === "select") {
    field = (
      <select {...common} onChange={(event) => onChange(event.target.value)}>
        {!control.noEmpty && <option value="">{t("bookSlot.selectChoose")}</option>}
        {control.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (control.kind === "textarea") {
    field = (
      <textarea
        {...common}
        rows={3}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    field = (
      <input
        {...common}
        type={control.type ?? "text"}
        inputMode={control.inputMode}
        autoComplete={control.autoComplete}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="required-mark"> ({t("bookSlot.required")})</span>}
      </label>
      {field}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
