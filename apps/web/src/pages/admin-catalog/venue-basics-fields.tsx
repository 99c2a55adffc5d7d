import { TextField } from "../../components/text-field.tsx";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { ProblemTextAt } from "./problem-text.ts";
import { currencyOptions, timeZoneOptions } from "./region-options.ts";
import { SelectField } from "./select-field.tsx";
import type { VenueDraft } from "./venue-draft.ts";

type Change = (patch: Partial<VenueDraft>) => void;

export function VenueBasicsFields({
  draft,
  onChange,
  problemAt,
}: {
  draft: VenueDraft;
  onChange: Change;
  problemAt: ProblemTextAt;
}) {
  const { t, language } = useI18n();
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.basics")}</legend>
      <TextField
        label={t("adminCatalog.field.name")}
        name="name"
        value={draft.name}
        onChange={(name) => onChange({ name })}
        error={problemAt("name")}
        maxLength={200}
        autoComplete="off"
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

export function AddressFields({
  draft,
  onChange,
  problemAt,
}: {
  draft: VenueDraft;
  onChange: Change;
  problemAt: ProblemTextAt;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.address")}</legend>
      <p className="field-hint">{t("adminCatalog.addressHint")}</p>
      <TextField
        label={t("adminCatalog.field.street")}
        name="address.street"
        value={draft.street}
        onChange={(street) => onChange({ street })}
        error={problemAt("address.street")}
        autoComplete="off"
      />
      <div className="catalog-row">
        <TextField
          label={t("adminCatalog.field.postalCode")}
          name="address.postalCode"
          value={draft.postalCode}
          onChange={(postalCode) => onChange({ postalCode })}
          error={problemAt("address.postalCode")}
          autoComplete="off"
        />
        <TextField
          label={t("adminCatalog.field.city")}
          name="address.city"
          value={draft.city}
          onChange={(city) => onChange({ city })}
          error={problemAt("address.city")}
          autoComplete="off"
        />
      </div>
      <TextField
        label={t("adminCatalog.field.country")}
        name="address.country"
        value={draft.country}
        onChange={(country) => onChange({ country })}
        error={problemAt("address.country")}
        maxLength={2}
        autoComplete="off"
      />
      <div className="catalog-row">
        <TextField
          label={t("adminCatalog.field.lat")}
          name="location.lat"
          inputMode="decimal"
          value={draft.lat}
          onChange={(lat) => onChange({ lat })}
          error={problemAt("location.lat")}
          autoComplete="off"
        />
        <TextField
          label={t("adminCatalog.field.lng")}
          name="location.lng"
          inputMode="decimal"
          value={draft.lng}
          onChange={(lng) => onChange({ lng })}
          error={problemAt("location.lng")}
          autoComplete="off"
        />
      </div>
      <p className="field-hint">{t("adminCatalog.locationHint")}</p>
    </fieldset>
  );
}
