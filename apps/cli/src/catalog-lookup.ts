import type { BookingClient } from "@booking/client";
import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";

/** A venue with its resources: what it takes to show bookings in local time with room names. */
export interface VenueInfo {
  venue: VenueDto;
  resources: ResourceDto[];
}

/**
 * The venues of some bookings, fetched at once (the client batches them into one request).
 * A venue that cannot be read is left out; its bookings are then shown in UTC with ids.
 */
export async function loadVenues(
  client: BookingClient,
  venueIds: Iterable<string>,
): Promise<Map<string, VenueInfo>> {
  const unique = [...new Set(venueIds)];
  const loaded = await Promise.all(
    unique.map(async (id) => {
      try {
        const [{ venue }, resources] = await Promise.all([
          client.venues.get.query({ id }),
          client.resources.list.query({ venueId: id }),
        ]);
        return { venue, resources: resources.items };
      } catch {
        return undefined;
      }
    }),
  );
  return new Map(loaded.flatMap((info) => (info ? [[info.venue.id, info] as const] : [])));
}

/**
 * The offering with its venue and resources. The API reads offerings only per venue, so this
 * walks the venues (a page at a time, each page's offerings in one batched request).
 */
export async function findOffering(
  client: BookingClient,
  offeringId: string,
): Promise<(VenueInfo & { offering: OfferingDto }) | undefined> {
  let cursor: string | undefined;
  do {
    const page = await client.venues.list.query({ limit: 200, cursor });
    const offerings = await Promise.all(
      page.items.map((venue) => client.offerings.list.query({ venueId: venue.id })),
    );
    for (const [index, list] of offerings.entries()) {
      const offering = list.items.find((item) => item.id === offeringId);
      const venue = page.items[index];
      if (offering && venue) {
        const resources = await client.resources.list.query({ venueId: venue.id });
        return { venue, resources: resources.items, offering };
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return undefined;
}

/** Resource names by id, falling back to the id for resources not found. */
export function resourceNamer(resources: ResourceDto[]): (id: string) => string {
  const names = new Map(resources.map((resource) => [resource.id, resource.name]));
  return (id) => names.get(id) ?? id;
}
