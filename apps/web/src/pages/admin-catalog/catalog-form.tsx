import type { FormEvent, ReactNode, RefObject } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { ProblemSummary } from "./problem-summary.tsx";
import type { SaveStatus } from "./use-catalog-form.ts";

/**
 * A catalog form saved as a whole: its fields, then what went wrong or that it was saved,
 * then its button. The browser's own checks stay off; the form and the api tell problems.
 */
export function CatalogForm({
  formRef,
  label,
  onSubmit,
  status,
  fieldPaths,
  pending,
  saveLabel,
  children,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  label: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  status: SaveStatus;
  /** The paths the form's fields show problems at; the summary tells the others. */
  fieldPaths: readonly string[];
  pending: boolean;
  saveLabel: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="stack" aria-label={label}>
      {children}
      <div className="catalog-save">
        <ProblemSummary problems={status.problems} fieldPaths={fieldPaths} />
        {status.failure !== undefined && <Alert kind="error">{describe(status.failure)}</Alert>}
        {status.saved && <Alert kind="success">{t("adminCatalog.saved")}</Alert>}
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("adminCatalog.saving") : saveLabel}
        </button>
      </div>
    </form>
  );
}
