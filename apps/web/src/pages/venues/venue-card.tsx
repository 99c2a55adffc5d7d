import type { VenueDto } from "@booking/contracts";
import { Link } from "@tanstack/react-router";
import { formatQuantity } from "../../i18n/format-quantity.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { distanceKm, type LatLng } from "./distance-km.ts";
import { VenueAddress } from "./venue-address.tsx";

/** One place in the list; the whole name is the link, so the touch target is large. */
export function VenueCard({ venue, from }: { venue: VenueDto; from?: LatLng }) {
  const { t, language } = useI18n();
  const distance = from && venue.location ? distanceKm(from, venue.location) : undefined;
  return (
    <li className="card venue-card">
      <h2>
        <Link to="/venues/$venueId" params={{ venueId: venue.id }} className="venue-link">
          {venue.name}
        </Link>
      </h2>
      {venue.address && <VenueAddress address={venue.address} />}
      {distance !== undefined && (
        <p className="venue-distance" data-testid="distance">
          {t("venues.distance", { distance: formatQuantity(distance, "kilometer", language) })}
        </p>
      )}
    </li>
  );
}
