import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { OfferingDraft } from "./offering-draft.ts";
import type { ProblemTextAt } from "./problem-text.ts";

type Props = {
  draft: OfferingDraft;
  currency: string;
  onChange: (patch: Partial<OfferingDraft>) => void;
  problemAt: ProblemTextAt;
};

/** Nights, check-in and check-out, and the charge per guest of an overnight stay. */
export function StayFields({ draft, currency, onChange, problemAt }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.offering.stay")}</legend>
      <div className="catalog-row">
        <TextField
          label={t("adminCatalog.offering.minNights")}
          name="stay.minNights"
          inputMode="numeric"
          value={draft.minNights}
          onChange={(minNights) => onChange({ minNights })}
          error={problemAt("stay.minNights")}
        />
        <TextField
          label={t("adminCatalog.offering.maxNights")}
          name="stay.maxNights"
          inputMode="numeric"
          value={draft.maxNights}
          onChange={(maxNights) => onChange({ maxNights })}
          error={problemAt("stay.maxNights")}
        />
      </div>
      <div className="catalog-row">
        <TextField
          label={t("adminCatalog.offering.checkInTime")}
          name="stay.checkInTime"
          inputMode="decimal"
          maxLength={5}
          value={draft.checkInTime}
          onChange={(checkInTime) => onChange({ checkInTime })}
          error={problemAt("stay.checkInTime")}
        />
        <TextField
          label={t("adminCatalog.offering.checkOutTime")}
          name="stay.checkOutTime"
          inputMode="decimal"
          maxLength={5}
          value={draft.checkOutTime}
          onChange={(checkOutTime) => onChange({ checkOutTime })}
          error={problemAt("stay.checkOutTime")}
        />
      </div>
      <TextField
        label={t("adminCatalog.offering.perGuestNightly", { currency })}
        name="stay.perGuestNightly"
        inputMode="decimal"
        value={draft.perGuestNightly}
        onChange={(perGuestNightly) => onChange({ perGuestNightly })}
        hint={t("adminCatalog.offering.perGuestNightlyHint")}
        error={problemAt("stay.perGuestNightly")}
      />
    </fieldset>
  );
}

/** How long an appointment takes, the time kept free around it and how often one starts. */
export function SlotFields({ draft, onChange, problemAt }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.offering.slot")}</legend>
      <TextField
        label={t("adminCatalog.offering.durationMinutes")}
        name="slot.durationMinutes"
        inputMode="numeric"
        value={draft.durationMinutes}
        onChange={(durationMinutes) => onChange({ durationMinutes })}
        error={problemAt("slot.durationMinutes")}
      />
      <div className="catalog-row">
        <TextField
          label={t("adminCatalog.offering.bufferBeforeMinutes")}
          name="slot.bufferBeforeMinutes"
          inputMode="numeric"
          value={draft.bufferBeforeMinutes}
          onChange={(bufferBeforeMinutes) => onChange({ bufferBeforeMinutes })}
          error={problemAt("slot.bufferBeforeMinutes")}
        />
        <TextField
          label={t("adminCatalog.offering.bufferAfterMinutes")}
          name="slot.bufferAfterMinutes"
          inputMode="numeric"
          value={draft.bufferAfterMinutes}
          onChange={(bufferAfterMinutes) => onChange({ bufferAfterMinutes })}
          error={problemAt("slot.bufferAfterMinutes")}
        />
      </div>
      <p className="field-hint">{t("adminCatalog.offering.bufferHint")}</p>
      <TextField
        label={t("adminCatalog.offering.stepMinutes")}
        name="slot.stepMinutes"
        inputMode="numeric"
        value={draft.stepMinutes}
        onChange={(stepMinutes) => onChange({ stepMinutes })}
        hint={t("adminCatalog.offering.stepHint")}
        error={problemAt("slot.stepMinutes")}
      />
    </fieldset>
  );
}
