import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { trpc } from "../trpc.ts";
import { sessionQueryKey } from "./session-key.ts";

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      // Leave the protected page first, so that nothing refetches with a dead session.
      onSuccess: () => {
        void navigate({ to: "/login" });
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
        queryClient.setQueryData(sessionQueryKey, { user: null });
      },
    }),
  );
}
