import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import "./catalog.css";

/** Every venue of this installation, each leading to its editor; and a new one. */
export function CatalogPage() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  // An installation has a handful of venues; the contract's largest page holds them all.
  const venues = useQuery(trpc.venues.list.queryOptions({ limit: 200 }));
  return (
    <>
      <PageHeading title={t("admin.nav.catalog")} />
      <p className="intro">{t("adminCatalog.intro")}</p>
      <section className="card" aria-labelledby="venues-heading">
        <h2 id="venues-heading">{t("adminCatalog.venues")}</h2>
        {venues.isPending && <p aria-busy="true">{t("app.loading")}</p>}
        {venues.isError && <Alert kind="error">{describe(venues.error)}</Alert>}
        {venues.data &&
          (venues.data.items.length === 0 ? (
            <p className="muted">{t("adminCatalog.noVenues")}</p>
          ) : (
            <ul className="list" aria-labelledby="venues-heading">
              {venues.data.items.map((venue) => (
                <li key={venue.id} className="list-item-stacked catalog-item">
                  <Link
                    to="/admin/catalog/venues/$venueId"
                    params={{ venueId: venue.id }}
                    className="list-item-title"
                  >
                    {venue.name}
                  </Link>
                  <span className="muted">
                    {[venue.address?.city, venue.timeZone, venue.currency]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
          ))}
        <Link to="/admin/catalog/venues/new" className="button">
          {t("adminCatalog.newVenue")}
        </Link>
      </section>
    </>
  );
}
