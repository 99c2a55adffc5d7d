import type { VenueDto } from "@booking/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { ClosuresEditor } from "./closures-editor.tsx";
import { focusFirstInvalid } from "./focus-first-invalid.ts";
import { OpeningHoursEditor } from "./opening-hours-editor.tsx";
import { PolicyFields } from "./policy-fields.tsx";
import { ProblemSummary } from "./problem-summary.tsx";
import { useProblemText } from "./problem-text.ts";
import { browserTimeZone } from "./region-options.ts";
import { useCatalogChanged, useFormProblems } from "./use-catalog-save.ts";
import { AddressFields, VenueBasicsFields } from "./venue-basics-fields.tsx";
import { readVenueDraft, type VenueDraft, venueDraft } from "./venue-draft.ts";

/** The paths of the api's venue body that the form's fields show problems at. */
const venueFieldPaths = [
  "name",
  "timeZone",
  "currency",
  "address.street",
  "address.postalCode",
  "address.city",
  "address.country",
  "location.lat",
  "location.lng",
  "openingHours",
  "closures",
  "policies",
];

/**
 * A venue's whole settings in one form, saved at once: a new venue is created, an existing
 * one changed. Nothing is sent while the form itself finds a problem.
 */
export function VenueForm({
  venue,
  onSaved,
}: {
  venue?: VenueDto;
  onSaved: (venue: VenueDto) => void;
}) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const [draft, setDraft] = useState<VenueDraft>(() => venueDraft(venue, browserTimeZone()));
  const [saved, setSaved] = useState(false);
  const { problems, failure, found, refused } = useFormProblems();
  const problemAt = useProblemText(problems);
  const form = useRef<HTMLFormElement>(null);
  const changed = useCatalogChanged();
  const create = useMutation(trpc.venues.create.mutationOptions());
  const update = useMutation(trpc.venues.update.mutationOptions());
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (Object.keys(problems).length > 0) focusFirstInvalid(form.current);
  }, [problems]);

  const change = (patch: Partial<VenueDraft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, problems: ownProblems } = readVenueDraft(draft);
    found(ownProblems);
    setSaved(false);
    if (!input) return;
    const done = {
      onSuccess: async (result: { venue: VenueDto }) => {
        await changed();
        setDraft(venueDraft(result.venue, result.venue.timeZone));
        setSaved(true);
        onSaved(result.venue);
      },
      onError: refused,
    };
    if (venue) update.mutate({ id: venue.id, patch: input }, done);
    else create.mutate(input, done);
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      className="stack"
      aria-label={t("adminCatalog.venueSettings")}
    >
      <VenueBasicsFields draft={draft} onChange={change} problemAt={problemAt} />
      <AddressFields draft={draft} onChange={change} problemAt={problemAt} />
      <OpeningHoursEditor
        hours={draft.openingHours}
        onChange={(openingHours) => change({ openingHours })}
        problemAt={problemAt}
      />
      <ClosuresEditor
        closures={draft.closures}
        onChange={(closures) => change({ closures })}
        problemAt={problemAt}
      />
      <PolicyFields draft={draft} onChange={change} problemAt={problemAt} />
      <div className="catalog-save">
        <ProblemSummary problems={problems} fieldPaths={venueFieldPaths} />
        {failure !== undefined && <Alert kind="error">{describe(failure)}</Alert>}
        {saved && <Alert kind="success">{t("adminCatalog.saved")}</Alert>}
        <button type="submit" className="button" disabled={pending}>
          {pending
            ? t("adminCatalog.saving")
            : venue
              ? t("adminCatalog.saveVenue")
              : t("adminCatalog.createVenue")}
        </button>
      </div>
    </form>
  );
}
