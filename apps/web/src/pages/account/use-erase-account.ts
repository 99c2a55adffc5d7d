import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { sessionQueryKey } from "../../session/session-key.ts";
import { trpc } from "../../trpc.ts";

export function useEraseAccount() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(
    trpc.me.erase.mutationOptions({
      // The server revoked every session with the account; forget everything it showed.
      onSuccess: () => {
        void navigate({ to: "/goodbye", replace: true });
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
        queryClient.setQueryData(sessionQueryKey, { user: null });
      },
    }),
  );
}
