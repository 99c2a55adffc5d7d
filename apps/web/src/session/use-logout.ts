import { useMutation, useQueryClient } from "@tanstack/react-query";
import { navigate } from "../router/history.ts";
import { paths } from "../routes.ts";
import { trpc } from "../trpc.ts";
import { sessionQueryKey } from "./session-key.ts";

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      // Leave the protected page first, so that nothing refetches with a dead session.
      onSuccess: () => {
        navigate(paths.login);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
        queryClient.setQueryData(sessionQueryKey, { user: null });
      },
    }),
  );
}
