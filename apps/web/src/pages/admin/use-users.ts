import type { UserStatus } from "@booking/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

const pageSize = 25;

/** Users, optionally of one status, page by page as the server's cursor allows. */
export function useUsers(status: UserStatus | undefined) {
  const query = useInfiniteQuery(
    trpc.users.list.infiniteQueryOptions(
      status ? { status, limit: pageSize } : { limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  return { ...query, users: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
