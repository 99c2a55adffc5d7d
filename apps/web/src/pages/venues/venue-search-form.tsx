import { useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { nearParam } from "./distance-km.ts";
import { useCurrentPosition } from "./use-current-position.ts";

/** Postal code or "near me"; both only change the URL, which the list follows. */
export function VenueSearchForm() {
  const { t } = useI18n();
  const search = useSearch({ from: "/venues" });
  const navigate = useNavigate({ from: "/venues" });
  const [postalCode, setPostalCode] = useState(search.postalCode ?? "");
  const postalCodeInput = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const { state, locate } = useCurrentPosition((position) => {
    void navigate({ search: { near: nearParam(position) } });
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void navigate({ search: { postalCode: postalCode.trim() || undefined } });
  };

  // "Show all" and the back button change the URL: the field shows what is searched for.
  useEffect(() => setPostalCode(search.postalCode ?? ""), [search.postalCode]);

  const failed = state.status === "failed";
  // The fallback is the postal code: put the cursor there, next to the message.
  useEffect(() => {
    if (failed) postalCodeInput.current?.focus();
  }, [failed]);

  return (
    <search className="venue-search" aria-label={t("venues.searchLabel")}>
      {/* Label, then field and button side by side, then the hint: one row even on a phone. */}
      <form className="postal-search" onSubmit={submit}>
        <label htmlFor={inputId}>{t("venues.postalCode")}</label>
        <input
          id={inputId}
          ref={postalCodeInput}
          name="postalCode"
          autoComplete="postal-code"
          maxLength={20}
          value={postalCode}
          onChange={(event) => setPostalCode(event.target.value)}
          aria-describedby={`${inputId}-hint`}
        />
        <button type="submit" className="button">
          {t("venues.search")}
        </button>
        <span id={`${inputId}-hint`} className="field-hint">
          {t("venues.postalCodeHint")}
        </span>
      </form>
      <p className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={locate}
          disabled={state.status === "locating"}
        >
          {state.status === "locating" ? t("venues.locating") : t("venues.nearMe")}
        </button>
      </p>
      {failed && (
        <Alert kind="error">
          {state.reason === "denied" ? t("venues.locationDenied") : t("venues.locationUnavailable")}
        </Alert>
      )}
    </search>
  );
}
