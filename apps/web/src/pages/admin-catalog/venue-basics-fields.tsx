import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { DraftTextField } from "./draft-text-field.tsx";
import type { ProblemTextAt } from "./problem-text.ts";
import { currencyOptions, timeZoneOptions } from "./region-options.ts";
import { SelectField } from "./select-field.tsx";
import type { VenueDraft } from "./venue-draft.ts";

/** What each part of the venue form gets: the draft, its change, the problems to show. */
type FieldsProps = {
  draft: VenueDraft;
  onChange: (patch: Partial<VenueDraft>) => void;
  problemAt: ProblemTextAt;
};

export function VenueBasicsFields({ draft, onChange, problemAt }: FieldsProps) {
  const { t, language } = useI18n();
  const bound = { draft, onChange, problemAt };
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.basics")}</legend>
      <DraftTextField
        {...bound}
        field="name"
        path="name"
        label={t("adminCatalog.field.name")}
        maxLength={200}
      />
      <SelectField
        label={t("adminCatalog.field.timeZone")}
        name="timeZone"
        value={draft.timeZone}
        options={timeZoneOptions(draft.timeZone)}
        onChange={(timeZone) => onChange({ timeZone })}
        hint={t("adminCatalog.field.timeZoneHint")}
        error={problemAt("timeZone")}
      />
      <SelectField
        label={t("adminCatalog.field.currency")}
        name="currency"
        value={draft.currency}
        options={currencyOptions(draft.currency, locales[language])}
        onChange={(currency) => onChange({ currency })}
        hint={t("adminCatalog.field.currencyHint")}
        error={problemAt("currency")}
      />
    </fieldset>
  );
}

export function AddressFields({ draft, onChange, problemAt }: FieldsProps) {
  const { t } = useI18n();
  const bound = { draft, onChange, problemAt };
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.address")}</legend>
      <p className="field-hint">{t("adminCatalog.addressHint")}</p>
      <DraftTextField
        {...bound}
        field="street"
        path="address.street"
        label={t("adminCatalog.field.street")}
      />
      <div className="catalog-row">
        <DraftTextField
          {...bound}
          field="postalCode"
          path="address.postalCode"
          label={t("adminCatalog.field.postalCode")}
        />
        <DraftTextField
          {...bound}
          field="city"
          path="address.city"
          label={t("adminCatalog.field.city")}
        />
      </div>
      <DraftTextField
        {...bound}
        field="country"
        path="address.country"
        label={t("adminCatalog.field.country")}
        maxLength={2}
      />
      <div className="catalog-row">
        <DraftTextField
          {...bound}
          field="lat"
          path="location.lat"
          label={t("adminCatalog.field.lat")}
          inputMode="decimal"
        />
        <DraftTextField
          {...bound}
          field="lng"
          path="location.lng"
          label={t("adminCatalog.field.lng")}
          inputMode="decimal"
        />
      </div>
      <p className="field-hint">{t("adminCatalog.locationHint")}</p>
    </fieldset>
  );
}
