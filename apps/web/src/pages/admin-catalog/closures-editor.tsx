import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { ProblemTextAt } from "./problem-text.ts";
import type { ClosureDraft } from "./venue-draft.ts";

/** Days on which nothing can be booked, each a range of local dates with its reason. */
export function ClosuresEditor({
  closures,
  onChange,
  problemAt,
}: {
  closures: ClosureDraft[];
  onChange: (closures: ClosureDraft[]) => void;
  problemAt: ProblemTextAt;
}) {
  const { t } = useI18n();
  const change = (index: number, patch: Partial<ClosureDraft>) =>
    onChange(closures.map((closure, i) => (i === index ? { ...closure, ...patch } : closure)));
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.closures")}</legend>
      <p className="field-hint">{t("adminCatalog.closuresHint")}</p>
      {closures.length === 0 && <p className="muted">{t("adminCatalog.noClosures")}</p>}
      {closures.map((closure, index) => {
        const path = `closures.${index}`;
        const number = index + 1;
        return (
          <fieldset
            // Closures have no identity of their own; see OpeningHoursEditor.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            className="closure-row"
            data-testid="closure"
          >
            <legend className="visually-hidden">
              {t("adminCatalog.closure.number", { number })}
            </legend>
            <div className="catalog-row">
              <TextField
                type="date"
                label={t("adminCatalog.closure.from")}
                name={`${path}.from`}
                value={closure.from}
                onChange={(from) =>
                  change(index, from > closure.to ? { from, to: from } : { from })
                }
                error={problemAt(`${path}.from`)}
              />
              <TextField
                type="date"
                label={t("adminCatalog.closure.to")}
                name={`${path}.to`}
                value={closure.to}
                min={closure.from || undefined}
                onChange={(to) => change(index, { to })}
                error={problemAt(`${path}.to`)}
              />
            </div>
            <TextField
              label={t("adminCatalog.closure.reason")}
              name={`${path}.reason`}
              value={closure.reason}
              onChange={(reason) => change(index, { reason })}
              error={problemAt(`${path}.reason`)}
              maxLength={2000}
              autoComplete="off"
            />
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onChange(closures.filter((_, i) => i !== index))}
            >
              {t("adminCatalog.closure.remove", { number })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onChange([...closures, { from: "", to: "", reason: "" }])}
      >
        {t("adminCatalog.closure.add")}
      </button>
    </fieldset>
  );
}
