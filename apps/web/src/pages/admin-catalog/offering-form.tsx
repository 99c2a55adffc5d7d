import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { focusFirstInvalid } from "./focus-first-invalid.ts";
import { toMajorUnitsText } from "./money.ts";
import { type OfferingDraft, offeringDraft, readOfferingDraft } from "./offering-draft.ts";
import { SlotFields, StayFields } from "./offering-settings-fields.tsx";
import { ProblemSummary } from "./problem-summary.tsx";
import { useProblemText } from "./problem-text.ts";
import { QuestionsBuilder } from "./questions-builder.tsx";
import { ResourceChoice } from "./resource-choice.tsx";
import { useCatalogChanged, useFormProblems } from "./use-catalog-save.ts";

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
  const describe = useErrorMessage();
  const modeId = useId();
  const currency = offering?.price.currency ?? venue.currency;
  const [draft, setDraft] = useState<OfferingDraft>(() =>
    offeringDraft(offering, currency, locales[language]),
  );
  const [saved, setSaved] = useState(false);
  const { problems, failure, found, refused } = useFormProblems();
  const problemAt = useProblemText(problems);
  const form = useRef<HTMLFormElement>(null);
  const changed = useCatalogChanged();
  const create = useMutation(trpc.offerings.create.mutationOptions());
  const update = useMutation(trpc.offerings.update.mutationOptions());
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (Object.keys(problems).length > 0) focusFirstInvalid(form.current);
  }, [problems]);

  const change = (patch: Partial<OfferingDraft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const { input, problems: own } = readOfferingDraft(draft, currency);
    found(own);
    if (!input) return;
    const done = {
      onSuccess: async (result: { offering: OfferingDto }) => {
        await changed();
        setDraft(offeringDraft(result.offering, currency, locales[language]));
        setSaved(true);
        onSaved(result.offering);
      },
      onError: refused,
    };
    if (offering) {
      const { mode: _mode, ...patch } = input;
      update.mutate({ id: offering.id, patch }, done);
    } else {
      create.mutate({ venueId: venue.id, offering: input }, done);
    }
  };

  const settings = { draft, currency, onChange: change, problemAt };
  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      className="stack"
      aria-label={t("adminCatalog.offering.settings")}
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
      <div className="catalog-save">
        <ProblemSummary problems={problems} fieldPaths={offeringFieldPaths} />
        {failure !== undefined && <Alert kind="error">{describe(failure)}</Alert>}
        {saved && <Alert kind="success">{t("adminCatalog.saved")}</Alert>}
        <button type="submit" className="button" disabled={pending}>
          {pending
            ? t("adminCatalog.saving")
            : offering
              ? t("adminCatalog.offering.save")
              : t("adminCatalog.offering.create")}
        </button>
      </div>
    </form>
  );
}
