import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

// Enough for a day's requests at a small place; more are counted and listed elsewhere.
export const queueLimit = 50;

/** What waits for a decision, oldest first; refreshed now and then while the desk is open. */
export function useQueue() {
  return useQuery({
    ...trpc.queue.get.queryOptions({ limit: queueLimit }),
    refetchInterval: 60_000,
  });
}
