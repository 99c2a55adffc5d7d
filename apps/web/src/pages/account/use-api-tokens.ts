import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

/** The caller's personal API tokens, and creating and revoking them. */
export function useApiTokens() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.me.tokens.list.queryKey() });
  return {
    list: useQuery(trpc.me.tokens.list.queryOptions()),
    create: useMutation(trpc.me.tokens.create.mutationOptions({ onSuccess: refresh })),
    revoke: useMutation(trpc.me.tokens.revoke.mutationOptions({ onSuccess: refresh })),
  };
}
