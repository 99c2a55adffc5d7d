import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

/** How many decisions wait (booking requests and registrations), for the admin's menu. */
export function useWaitingCount(): number | undefined {
  const queue = useQuery({
    ...trpc.queue.get.queryOptions({ limit: 1 }),
    refetchInterval: 60_000,
  });
  return queue.data && queue.data.pendingBookings.count + queue.data.pendingUsers.count;
}
