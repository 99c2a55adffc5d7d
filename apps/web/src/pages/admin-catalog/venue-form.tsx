import type { VenueDto } from "@booking/contracts";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { CatalogForm } from "./catalog-form.tsx";
import { ClosuresEditor } from "./closures-editor.tsx";
import { OpeningHoursEditor } from "./opening-hours-editor.tsx";
import { PolicyFields } from "./policy-fields.tsx";
import { browserTimeZone } from "./region-options.ts";
import { useCatalogForm } from "./use-catalog-form.ts";
import { AddressFields, VenueBasicsFields } from "./venue-basics-fields.tsx";
import { readVenueDraft, venueDraft } from "./venue-draft.ts";

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
  const { formRef, draft, problemAt, status, change, check, afterSave } = useCatalogForm(() =>
    venueDraft(venue, browserTimeZone()),
  );
  const create = useMutation(trpc.venues.create.mutationOptions());
  const update = useMutation(trpc.venues.update.mutationOptions());
  const pending = create.isPending || update.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, problems } = readVenueDraft(draft);
    check(problems);
    if (!input) return;
    const done = afterSave(
      (result: { venue: VenueDto }) => venueDraft(result.venue, result.venue.timeZone),
      (result) => onSaved(result.venue),
    );
    if (venue) update.mutate({ id: venue.id, patch: input }, done);
    else create.mutate(input, done);
  };

  return (
    <CatalogForm
      formRef={formRef}
      label={t("adminCatalog.venueSettings")}
      onSubmit={submit}
      status={status}
      fieldPaths={venueFieldPaths}
      pending={pending}
      saveLabel={venue ? t("adminCatalog.saveVenue") : t("adminCatalog.createVenue")}
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
    </CatalogForm>
  );
}
