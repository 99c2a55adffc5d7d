import { useMutation, useQueryClient } from "@tanstack/react-query";
import { navigate } from "../../router/history.ts";
import { paths } from "../../routes.ts";
import { sessionQueryKey } from "../../session/session-key.ts";
import { trpc } from "../../trpc.ts";

export function useEraseAccount() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.me.erase.mutationOptions({
      // The server revoked every session with the account; forget everything it showed.
      onSuccess: () => {
        navigate(paths.goodbye, { replace: true });
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
        queryClient.setQueryData(sessionQueryKey, { user: null });
      },
    }),
  );
}
