import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

/** The caller's calendar feeds, and creating and revoking them. */
export function useCalendarFeeds() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.feeds.list.queryKey() });
  return {
    list: useQuery(trpc.feeds.list.queryOptions()),
    create: useMutation(trpc.feeds.create.mutationOptions({ onSuccess: refresh })),
    revoke: useMutation(trpc.feeds.revoke.mutationOptions({ onSuccess: refresh })),
  };
}
