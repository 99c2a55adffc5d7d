import type { ResourceDto } from "@booking/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { ProblemSummary } from "./problem-summary.tsx";
import { useProblemText } from "./problem-text.ts";
import { readResourceDraft } from "./resource-draft.ts";
import { ResourceFields, resourceFieldPaths } from "./resource-fields.tsx";
import { useCatalogChanged, useFormProblems } from "./use-catalog-save.ts";

/** One resource: renamed, resized, retired (no longer booked) or taken into use again. */
export function ResourceItem({ resource }: { resource: ResourceDto }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const [draft, setDraft] = useState({
    name: resource.name,
    kind: resource.kind,
    capacity: String(resource.capacity),
  });
  const [outcome, setOutcome] = useState<string>();
  const { problems, failure, found, refused } = useFormProblems();
  const problemAt = useProblemText(problems);
  const changed = useCatalogChanged();
  const update = useMutation(trpc.resources.update.mutationOptions());

  const save = (patch: Parameters<typeof update.mutate>[0]["patch"], done: string) =>
    update.mutate(
      { id: resource.id, patch },
      {
        onSuccess: async () => {
          await changed();
          setOutcome(done);
        },
        onError: refused,
      },
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(undefined);
    const { input, problems: own } = readResourceDraft(draft);
    found(own);
    if (input) save(input, t("adminCatalog.resource.saved", { name: input.name }));
  };

  return (
    <li className="list-item-stacked catalog-item" data-testid="resource">
      <form onSubmit={submit} noValidate aria-label={resource.name}>
        <p className="list-item-title with-badge">
          {resource.name}
          {!resource.active && (
            <span className="status status-disabled">{t("adminCatalog.resource.retired")}</span>
          )}
        </p>
        <ResourceFields draft={draft} onChange={setDraft} problemAt={problemAt} />
        <ProblemSummary problems={problems} fieldPaths={resourceFieldPaths} />
        {failure !== undefined && <Alert kind="error">{describe(failure)}</Alert>}
        {outcome && <Alert kind="success">{outcome}</Alert>}
        <div className="actions">
          <button type="submit" className="button button-small" disabled={update.isPending}>
            {t("adminCatalog.save")}
            <span className="visually-hidden"> {resource.name}</span>
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={update.isPending}
            onClick={() =>
              save(
                { active: !resource.active },
                t(
                  resource.active
                    ? "adminCatalog.resource.wasRetired"
                    : "adminCatalog.resource.wasReactivated",
                  { name: resource.name },
                ),
              )
            }
          >
            {resource.active
              ? t("adminCatalog.resource.retire")
              : t("adminCatalog.resource.reactivate")}
            <span className="visually-hidden"> {resource.name}</span>
          </button>
        </div>
      </form>
    </li>
  );
}
