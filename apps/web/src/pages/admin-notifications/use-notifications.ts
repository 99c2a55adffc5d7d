import type { NotificationDto } from "@booking/contracts";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

/** While an e-mail waits, the list looks again this often: the sender works in seconds. */
const WATCH_PENDING_MS = 2_000;

/** The outbox, newest first, page by page; watched while anything shown still waits. */
export function useNotifications(status: NotificationDto["status"] | undefined) {
  const notifications = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: 20, ...(status ? { status } : {}) },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: (query) =>
          query.state.data?.pages.some((page) =>
            page.items.some((item) => item.status === "pending"),
          )
            ? WATCH_PENDING_MS
            : false,
      },
    ),
  );
  return { ...notifications, items: notifications.data?.pages.flatMap((page) => page.items) ?? [] };
}

/** Sends a failed e-mail again: it goes back to waiting, so every list is read anew. */
export function useRetryNotification() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.notifications.retry.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() }),
    }),
  );
}
