import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { ProblemTextAt } from "./problem-text.ts";
import type { ResourceDraft } from "./resource-draft.ts";

/** The paths of the api's resource body that these fields show problems at. */
export const resourceFieldPaths = ["name", "kind", "capacity"];

/** Name, kind and capacity of a resource, for adding one and for changing one. */
export function ResourceFields({
  draft,
  onChange,
  problemAt,
}: {
  draft: ResourceDraft;
  onChange: (draft: ResourceDraft) => void;
  problemAt: ProblemTextAt;
}) {
  const { t } = useI18n();
  return (
    <div className="resource-fields">
      <TextField
        label={t("adminCatalog.resource.name")}
        name="name"
        value={draft.name}
        onChange={(name) => onChange({ ...draft, name })}
        error={problemAt("name")}
        maxLength={200}
        autoComplete="off"
      />
      <TextField
        label={t("adminCatalog.resource.kind")}
        name="kind"
        value={draft.kind}
        onChange={(kind) => onChange({ ...draft, kind })}
        error={problemAt("kind")}
        maxLength={50}
        autoComplete="off"
      />
      <TextField
        label={t("adminCatalog.resource.capacity")}
        name="capacity"
        inputMode="numeric"
        value={draft.capacity}
        onChange={(capacity) => onChange({ ...draft, capacity })}
        error={problemAt("capacity")}
        autoComplete="off"
      />
    </div>
  );
}
