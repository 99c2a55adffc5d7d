import type { ResourceDto } from "@booking/contracts";
import { useId } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";

/** Which of the venue's resources an offering books; retired ones only while chosen. */
export function ResourceChoice({
  resources,
  chosen,
  onChange,
  error,
}: {
  resources: readonly ResourceDto[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const shown = resources.filter((resource) => resource.active || chosen.includes(resource.id));
  return (
    <fieldset
      className="card catalog-section"
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
    >
      <legend>{t("adminCatalog.offering.resources")}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t("adminCatalog.offering.resourcesHint")}
      </p>
      {shown.length === 0 && <p className="muted">{t("adminCatalog.noResources")}</p>}
      {shown.map((resource) => (
        <div className="checkbox" key={resource.id}>
          <input
            type="checkbox"
            id={`${id}-${resource.id}`}
            name="resourceIds"
            checked={chosen.includes(resource.id)}
            aria-invalid={error ? true : undefined}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, resource.id]
                  : chosen.filter((other) => other !== resource.id),
              )
            }
          />
          <label htmlFor={`${id}-${resource.id}`}>
            {resource.name}{" "}
            <span className="muted">
              (
              {t("adminCatalog.resource.summary", {
                kind: resource.kind,
                capacity: resource.capacity,
              })}
              {!resource.active && `, ${t("adminCatalog.resource.retired")}`})
            </span>
          </label>
        </div>
      ))}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
