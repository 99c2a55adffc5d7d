import { getRouteApi, Link } from "@tanstack/react-router";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { LoadState } from "./load-state.tsx";
import { OfferingsCard } from "./offerings-card.tsx";
import { ResourcesCard } from "./resources-card.tsx";
import { useVenue } from "./use-venue.ts";
import { VenueForm } from "./venue-form.tsx";
import "./catalog.css";

const route = getRouteApi("/admin/catalog/venues/$venueId");

/** One venue's editor: its settings, its resources and its offerings. */
export function VenuePage() {
  const { t } = useI18n();
  const { venueId } = route.useParams();
  const venue = useVenue(venueId);
  if (!venue.data) return <LoadState error={venue.error} />;
  const current = venue.data.venue;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/catalog">{t("admin.nav.catalog")}</Link>
      </p>
      <PageHeading title={current.name} />
      <p className="intro">
        <Link to="/venues/$venueId" params={{ venueId: current.id }}>
          {t("adminCatalog.publicPage")}
        </Link>
      </p>
      <div className="catalog-venue">
        <OfferingsCard venue={current} />
        <ResourcesCard venueId={current.id} />
        <h2 className="catalog-heading">{t("adminCatalog.venueSettings")}</h2>
        <VenueForm venue={current} onSaved={() => undefined} />
      </div>
    </>
  );
}
