import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useDataExport } from "./use-data-export.ts";

export function DataExportCard() {
  const { t } = useI18n();
  const dataExport = useDataExport();
  const describe = useErrorMessage();
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t("export.title")}</h2>
      <p>{t("export.body")}</p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => dataExport.mutate()}
        disabled={dataExport.isPending}
      >
        {dataExport.isPending ? t("export.preparing") : t("export.button")}
      </button>
      {dataExport.isSuccess && <Alert kind="success">{t("export.done")}</Alert>}
      {dataExport.isError && <Alert kind="error">{describe(dataExport.error)}</Alert>}
    </section>
  );
}
