import { type BookingClient, bookingErrorInfo } from "@booking/client";
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

/** The offering with its venue and resources; undefined when there is no such offering. */
export async function findOffering(
  client: BookingClient,
  offeringId: string,
): Promise<(VenueInfo & { offering: OfferingDto }) | undefined> {
  let offering: OfferingDto;
  try {
    offering = (await client.offerings.get.query({ id: offeringId })).offering;
  } catch (error) {
    if (bookingErrorInfo(error)?.code === "NOT_FOUND") return undefined;
    throw error;
  }
  const info = (await loadVenues(client, [offering.venueId])).get(offering.venueId);
  return info ? { ...info, offering } : undefined;
}

/** Resource names by id, falling back to the id for resources not found. */
export function resourceNamer(resources: ResourceDto[]): (id: string) => string {
  const names = new Map(resources.map((resource) => [resource.id, resource.name]));
  return (id) => names.get(id) ?? id;
}
