import type { FormEvent, ReactNode } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";

/** The frame of a move's choice: its fields, then "move" and "close". */
export function MoveForm({
  onSubmit,
  ready,
  pending,
  onClose,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Whether what was chosen can be sent. */
  ready: boolean;
  pending: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {children}
      <div className="actions">
        <button type="submit" className="button" disabled={pending || !ready}>
          {pending ? t("reschedule.moving") : t("reschedule.submit")}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t("reschedule.close")}
        </button>
      </div>
    </form>
  );
}
