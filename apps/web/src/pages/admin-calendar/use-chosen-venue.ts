import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

/**
 * The venue an admin page shows: the one named in its address, else the first one. A venue
 * id that names no venue (deleted, mistyped) falls back to the first one too.
 */
export function useChosenVenue(venueId: string | undefined) {
  const venues = useQuery(trpc.venues.list.queryOptions({ limit: 200 }));
  const items = venues.data?.items ?? [];
  const venue = items.find((candidate) => candidate.id === venueId) ?? items[0];
  return { venues, items, venue };
}
