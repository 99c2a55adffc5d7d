import type { Offering, Resource, Venue } from "@booking/domain";

/**
 * What the catalog cache holds per offering: the offering, its venue and the venue's
 * resources, as the domain needs them. Declared here, not by the bookings that fill it,
 * because the caches are shared machinery and know no feature.
 */
export interface Catalog {
  venue: Venue;
  offering: Offering;
  resources: Resource[];
}
