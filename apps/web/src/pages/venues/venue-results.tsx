import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { parseLatLng } from "./distance-km.ts";
import { VenueCard } from "./venue-card.tsx";

/** The places that match the URL's search, with what the search was and a way back to all. */
export function VenueResults() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const { postalCode, near } = useSearch({ from: "/venues" });
  const venues = useQuery(trpc.venues.list.queryOptions({ postalCode, near, limit: 50 }));
  const from = near ? parseLatLng(near) : undefined;

  const summary = near
    ? t("venues.showingNear")
    : postalCode
      ? t("venues.showingPostalCode", { postalCode })
      : undefined;

  return (
    <section aria-labelledby="venue-results" className="stack">
      <h2 id="venue-results" className="visually-hidden">
        {t("venues.results")}
      </h2>
      {summary && (
        <p className="search-summary" role="status">
          {summary} <Link to="/venues">{t("venues.showAll")}</Link>
        </p>
      )}
      {venues.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {venues.isError && <Alert kind="error">{describe(venues.error)}</Alert>}
      {venues.data?.items.length === 0 && (
        <p className="empty" role="status">
          {near
            ? t("venues.emptyNear")
            : postalCode
              ? t("venues.emptyPostalCode", { postalCode })
              : t("venues.empty")}
        </p>
      )}
      {venues.data && venues.data.items.length > 0 && (
        <ul className="venue-list" aria-label={t("venues.results")}>
          {venues.data.items.map((venue) => (
            <VenueCard key={venue.id} venue={venue} from={from} />
          ))}
        </ul>
      )}
    </section>
  );
}
