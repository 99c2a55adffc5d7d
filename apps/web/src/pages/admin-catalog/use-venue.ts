import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

export function useVenue(venueId: string) {
  return useQuery(trpc.venues.get.queryOptions({ id: venueId }));
}
