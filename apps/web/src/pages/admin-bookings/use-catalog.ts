import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

// Places, rooms and offers rarely change; one read serves every booking of the same place.
const catalogStaleTime = 5 * 60_000;

/** A booking's place, its rooms or places and the offering booked, as far as read yet. */
export function useBookingCatalog(booking: { venueId: string; offeringId: string }) {
  const venue = useQuery({
    ...trpc.venues.get.queryOptions({ id: booking.venueId }),
    staleTime: catalogStaleTime,
  });
  const resources = useQuery({
    ...trpc.resources.list.queryOptions({ venueId: booking.venueId }),
    staleTime: catalogStaleTime,
  });
  const offering = useQuery({
    ...trpc.offerings.get.queryOptions({ id: booking.offeringId }),
    staleTime: catalogStaleTime,
  });
  return {
    venue: venue.data?.venue,
    resources: resources.data?.items,
    offering: offering.data?.offering,
    error: venue.error ?? offering.error ?? resources.error ?? undefined,
  };
}
