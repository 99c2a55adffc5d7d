import { useId } from "react";
import { TextField } from "../../components/text-field.tsx";
import { formatMinutes, formatQuantity } from "../../i18n/format-quantity.ts";
import type { Translate } from "../../i18n/i18n-context.tsx";
import type { Language } from "../../i18n/languages.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { ProblemTextAt } from "./problem-text.ts";
import { type PolicyNumber, policyBounds, type VenueDraft } from "./venue-draft.ts";
import { readWholeNumber } from "./whole-number.ts";

/**
 * What each policy means for the people who book, worded as the public venue page words it
 * (pages/venues/describe-policies.ts), so the owner sees the effect of the number typed.
 */
function meaning(field: PolicyNumber, value: number, t: Translate, language: Language) {
  switch (field) {
    case "holdTtlMinutes":
      return t("adminCatalog.policy.holdMeaning", { duration: formatMinutes(value, language) });
    case "minNoticeMinutes":
      return value === 0
        ? t("policy.noNotice")
        : t("policy.minNotice", { duration: formatMinutes(value, language) });
    case "maxAdvanceDays":
      return t("policy.maxAdvance", { duration: formatQuantity(value, "day", language) });
    case "cancellationNoticeHours":
      return value === 0
        ? t("policy.cancelUntilStart")
        : t("policy.cancel", { duration: formatQuantity(value, "hour", language) });
  }
}

const numberFields: PolicyNumber[] = [
  "maxAdvanceDays",
  "minNoticeMinutes",
  "cancellationNoticeHours",
  "holdTtlMinutes",
];

export function PolicyFields({
  draft,
  onChange,
  problemAt,
}: {
  draft: VenueDraft;
  onChange: (patch: Partial<VenueDraft>) => void;
  problemAt: ProblemTextAt;
}) {
  const { t, language } = useI18n();
  const approvalId = useId();
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.policies")}</legend>
      <div className="policy-field">
        <div className="checkbox">
          <input
            type="checkbox"
            id={approvalId}
            name="policies.approvalRequired"
            checked={draft.approvalRequired}
            aria-describedby={`${approvalId}-meaning`}
            onChange={(event) => onChange({ approvalRequired: event.target.checked })}
          />
          <label htmlFor={approvalId}>{t("adminCatalog.policy.approvalRequired")}</label>
        </div>
        <p className="policy-meaning" id={`${approvalId}-meaning`}>
          {draft.approvalRequired ? t("policy.approval") : t("policy.instant")}
        </p>
      </div>
      {numberFields.map((field) => {
        const read = readWholeNumber(draft[field], policyBounds[field]);
        return (
          <div className="policy-field" key={field}>
            <TextField
              label={t(`adminCatalog.policy.${field}`)}
              name={`policies.${field}`}
              inputMode="numeric"
              value={draft[field]}
              onChange={(value) => onChange({ [field]: value })}
              error={problemAt(`policies.${field}`)}
              hint={"value" in read ? meaning(field, read.value, t, language) : undefined}
              autoComplete="off"
            />
          </div>
        );
      })}
    </fieldset>
  );
}
