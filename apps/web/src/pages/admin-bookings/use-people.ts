import type { User } from "@booking/contracts";
import { useQueries } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

// The api reads at most this many people per call.
const perCall = 100;

/** The users with these ids, by id, as far as read yet (several calls for long lists). */
export function usePeople(userIds: readonly string[]): ReadonlyMap<string, User> {
  const chunks: string[][] = [];
  for (let index = 0; index < userIds.length; index += perCall) {
    chunks.push(userIds.slice(index, index + perCall));
  }
  const answers = useQueries({
    queries: chunks.map((ids) => ({
      ...trpc.bookings.people.queryOptions({ userIds: ids }),
      staleTime: 60_000,
    })),
  });
  return new Map(answers.flatMap((answer) => answer.data?.items ?? []).map((u) => [u.id, u]));
}
