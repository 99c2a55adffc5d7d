import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { ProblemSummary } from "./problem-summary.tsx";
import { useProblemText } from "./problem-text.ts";
import { type ResourceDraft, readResourceDraft } from "./resource-draft.ts";
import { ResourceFields, resourceFieldPaths } from "./resource-fields.tsx";
import { ResourceItem } from "./resource-item.tsx";
import { useCatalogChanged, useFormProblems } from "./use-catalog-save.ts";

const blank: ResourceDraft = { name: "", kind: "", capacity: "1" };

/** The venue's rooms, bays or tables; a new one is added below the list. */
export function ResourcesCard({ venueId }: { venueId: string }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const resources = useQuery(trpc.resources.list.queryOptions({ venueId }));
  const [draft, setDraft] = useState(blank);
  const [added, setAdded] = useState<string>();
  const { problems, failure, found, refused } = useFormProblems();
  const problemAt = useProblemText(problems);
  const changed = useCatalogChanged();
  const create = useMutation(trpc.resources.create.mutationOptions());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(undefined);
    const { input, problems: own } = readResourceDraft(draft);
    found(own);
    if (!input) return;
    create.mutate(
      { venueId, resource: input },
      {
        onSuccess: async () => {
          await changed();
          setDraft(blank);
          setAdded(t("adminCatalog.resource.added", { name: input.name }));
        },
        onError: refused,
      },
    );
  };

  return (
    <section className="card" aria-labelledby="resources-heading">
      <h2 id="resources-heading">{t("adminCatalog.resources")}</h2>
      <p className="field-hint">{t("adminCatalog.resourcesHint")}</p>
      {resources.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {resources.isError && <Alert kind="error">{describe(resources.error)}</Alert>}
      {resources.data &&
        (resources.data.items.length === 0 ? (
          <p className="muted">{t("adminCatalog.noResources")}</p>
        ) : (
          <ul className="list" aria-labelledby="resources-heading">
            {resources.data.items.map((resource) => (
              <ResourceItem key={resource.id} resource={resource} />
            ))}
          </ul>
        ))}
      <form onSubmit={submit} noValidate aria-labelledby="new-resource-heading">
        <h3 id="new-resource-heading">{t("adminCatalog.resource.new")}</h3>
        <ResourceFields draft={draft} onChange={setDraft} problemAt={problemAt} />
        <ProblemSummary problems={problems} fieldPaths={resourceFieldPaths} />
        {failure !== undefined && <Alert kind="error">{describe(failure)}</Alert>}
        {added && <Alert kind="success">{added}</Alert>}
        <button type="submit" className="button" disabled={create.isPending}>
          {t("adminCatalog.resource.add")}
        </button>
      </form>
    </section>
  );
}
