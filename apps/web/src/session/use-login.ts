import { useMutation, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../trpc.ts";
import { sessionQueryKey } from "./session-key.ts";

/** Logs in; the server sets the HttpOnly session cookie, the app only keeps the user. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: ({ user }) => {
        // Whatever an earlier visitor of this browser loaded must not show for this one.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
        queryClient.setQueryData(sessionQueryKey, { user });
      },
    }),
  );
}
