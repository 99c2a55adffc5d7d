import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { TextField } from "../../components/text-field.tsx";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { CatalogForm } from "./catalog-form.tsx";
import { toMajorUnitsText } from "./money.ts";
import { offeringDraft, readOfferingDraft } from "./offering-draft.ts";
import { SlotFields, StayFields } from "./offering-settings-fields.tsx";
import { QuestionsBuilder } from "./questions-builder.tsx";
import { ResourceChoice } from "./resource-choice.tsx";
import { useCatalogForm } from "./use-catalog-form.ts";

/** The paths of the api's offering body that the form's fields show problems at. */
const offeringFieldPaths = [
  "name",
  "price",
  "resourceIds",
  "stay.minNights",
  "stay.maxNights",
  "stay.checkInTime",
  "stay.checkOutTime",
  "stay.perGuestNightly",
  "slot.durationMinutes",
  "slot.bufferBeforeMinutes",
  "slot.bufferAfterMinutes",
  "slot.stepMinutes",
  "questions",
];

/**
 * An offering of a venue, new or existing. Prices are typed in the venue's currency in
 * major units and sent in minor units; the mode is chosen once, when it is created.
 */
export function OfferingForm({
  venue,
  resources,
  offering,
  onSaved,
}: {
  venue: VenueDto;
  resources: readonly ResourceDto[];
  offering?: OfferingDto;
  onSaved: (offering: OfferingDto) => void;
}) {
  const { t, language } = useI18n();
  const modeId = useId();
  const currency = offering?.price.currency ?? venue.currency;
  const { formRef, draft, problemAt, status, change, check, afterSave } = useCatalogForm(() =>
    offeringDraft(offering, currency, locales[language]),
  );
  const create = useMutation(trpc.offerings.create.mutationOptions());
  const update = useMutation(trpc.offerings.update.mutationOptions());
  const pending = create.isPending || update.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, problems } = readOfferingDraft(draft, currency);
    check(problems);
    if (!input) return;
    const done = afterSave(
      (result: { offering: OfferingDto }) =>
        offeringDraft(result.offering, currency, locales[language]),
      (result) => onSaved(result.offering),
    );
    if (offering) {
      const { mode: _mode, ...patch } = input;
      update.mutate({ id: offering.id, patch }, done);
    } else {
      create.mutate({ venueId: venue.id, offering: input }, done);
    }
  };

  const settings = { draft, currency, onChange: change, problemAt };
  return (
    <CatalogForm
      formRef={formRef}
      label={t("adminCatalog.offering.settings")}
      onSubmit={submit}
      status={status}
      fieldPaths={offeringFieldPaths}
      pending={pending}
      saveLabel={offering ? t("adminCatalog.offering.save") : t("adminCatalog.offering.create")}
    >
      <fieldset className="card catalog-section">
        <legend>{t("adminCatalog.offering.basics")}</legend>
        <TextField
          label={t("adminCatalog.field.name")}
          name="name"
          value={draft.name}
          onChange={(name) => change({ name })}
          error={problemAt("name")}
          maxLength={200}
          autoComplete="off"
        />
        {offering ? (
          <p className="field-hint">
            {t(
              offering.mode === "stay"
                ? "adminCatalog.offering.isStay"
                : "adminCatalog.offering.isSlot",
            )}
          </p>
        ) : (
          <fieldset className="mode-choice">
            <legend>{t("adminCatalog.offering.mode")}</legend>
            {(["slot", "stay"] as const).map((mode) => (
              <div className="checkbox" key={mode}>
                <input
                  type="radio"
                  id={`${modeId}-${mode}`}
                  name="mode"
                  checked={draft.mode === mode}
                  onChange={() => change({ mode })}
                />
                <label htmlFor={`${modeId}-${mode}`}>
                  {t(`adminCatalog.offering.mode.${mode}`)}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <TextField
          label={t(
            draft.mode === "stay"
              ? "adminCatalog.offering.priceNight"
              : "adminCatalog.offering.priceSlot",
            { currency },
          )}
          name="price.amount"
          inputMode="decimal"
          value={draft.price}
          onChange={(price) => change({ price })}
          hint={t("adminCatalog.offering.priceHint", {
            example: toMajorUnitsText(8950, currency, locales[language]),
          })}
          error={problemAt("price")}
          autoComplete="off"
        />
      </fieldset>
      {draft.mode === "stay" ? <StayFields {...settings} /> : <SlotFields {...settings} />}
      <ResourceChoice
        resources={resources}
        chosen={draft.resourceIds}
        onChange={(resourceIds) => change({ resourceIds })}
        error={problemAt("resourceIds")}
      />
      <QuestionsBuilder
        questions={draft.questions}
        onChange={(questions) => change({ questions })}
        problemAt={problemAt}
      />
    </CatalogForm>
  );
}
