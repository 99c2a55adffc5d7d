import { skipToken, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { LoadState } from "./load-state.tsx";
import { OfferingForm } from "./offering-form.tsx";
import { useVenue } from "./use-venue.ts";
import "./catalog.css";

const newRoute = getRouteApi("/admin/catalog/venues/$venueId/offerings/new");
const editRoute = getRouteApi("/admin/catalog/venues/$venueId/offerings/$offeringId");

export function NewOfferingPage() {
  const { venueId } = newRoute.useParams();
  return <OfferingEditor venueId={venueId} offeringId={undefined} />;
}

export function OfferingPage() {
  const { venueId, offeringId } = editRoute.useParams();
  return <OfferingEditor venueId={venueId} offeringId={offeringId} />;
}

function OfferingEditor({
  venueId,
  offeringId,
}: {
  venueId: string;
  offeringId: string | undefined;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const venue = useVenue(venueId);
  const resources = useQuery(trpc.resources.list.queryOptions({ venueId }));
  const offering = useQuery(
    trpc.offerings.get.queryOptions(offeringId ? { id: offeringId } : skipToken),
  );
  const loading = offeringId !== undefined && !offering.data;
  if (!venue.data || !resources.data || loading) {
    return <LoadState error={venue.error ?? resources.error ?? offering.error} />;
  }
  const current = offering.data?.offering;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/catalog/venues/$venueId" params={{ venueId }}>
          {venue.data.venue.name}
        </Link>
      </p>
      <PageHeading
        title={
          current
            ? current.name
            : t("adminCatalog.offering.newTitle", { venue: venue.data.venue.name })
        }
      />
      {current && (
        <p className="intro">
          <Link
            to="/venues/$venueId/offerings/$offeringId"
            params={{ venueId, offeringId: current.id }}
          >
            {t("adminCatalog.publicPage")}
          </Link>
        </p>
      )}
      <OfferingForm
        key={current?.id ?? "new"}
        venue={venue.data.venue}
        resources={resources.data.items}
        {...(current ? { offering: current } : {})}
        onSaved={(saved) => {
          if (!current) {
            navigate({
              to: "/admin/catalog/venues/$venueId/offerings/$offeringId",
              params: { venueId, offeringId: saved.id },
            });
          }
        }}
      />
    </>
  );
}
