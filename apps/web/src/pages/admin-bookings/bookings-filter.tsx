import { bookingStatusSchema } from "@booking/contracts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { type AdminBookingsSearch, validateAdminBookingsSearch } from "./bookings-search.ts";

/**
 * The list's filters as a form: nothing changes while the admin picks, "Show" applies all
 * at once (and puts them into the address).
 */
export function BookingsFilter({
  search,
  onApply,
}: {
  search: AdminBookingsSearch;
  onApply: (search: AdminBookingsSearch) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const venues = useQuery({ ...trpc.venues.list.queryOptions({ limit: 200 }), staleTime: 60_000 });
  const [draft, setDraft] = useState({
    status: search.status ?? "",
    venueId: search.venueId ?? "",
    from: search.from ?? "",
    to: search.to ?? "",
    q: search.q ?? "",
  });
  const set = (field: keyof typeof draft) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(validateAdminBookingsSearch(draft));
  };
  return (
    <form className="card bookings-filter" onSubmit={submit} aria-label={t("adminBookings.filter")}>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t("adminBookings.q")}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={draft.q}
          maxLength={200}
          aria-describedby={`${id}-q-hint`}
          onChange={(event) => set("q")(event.target.value)}
        />
        <p className="field-hint" id={`${id}-q-hint`}>
          {t("adminBookings.qHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t("adminBookings.status")}</label>
        <select
          id={`${id}-status`}
          value={draft.status}
          onChange={(event) => set("status")(event.target.value)}
        >
          <option value="">{t("adminBookings.anyStatus")}</option>
          {bookingStatusSchema.options.map((status) => (
            <option key={status} value={status}>
              {t(`booking.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-venue`}>{t("booking.place")}</label>
        <select
          id={`${id}-venue`}
          value={draft.venueId}
          onChange={(event) => set("venueId")(event.target.value)}
        >
          <option value="">{t("adminBookings.anyVenue")}</option>
          {venues.data?.items.map((venue) => (
            <option key={venue.id} value={venue.id}>
              {venue.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t("adminBookings.from")}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={draft.from}
          onChange={(event) => set("from")(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t("adminBookings.to")}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          aria-describedby={`${id}-to-hint`}
          onChange={(event) => set("to")(event.target.value)}
        />
        <p className="field-hint" id={`${id}-to-hint`}>
          {t("adminBookings.toHint")}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t("adminBookings.apply")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft({ status: "", venueId: "", from: "", to: "", q: "" });
            onApply({});
          }}
        >
          {t("adminBookings.clear")}
        </button>
      </div>
    </form>
  );
}
