import { useMutation, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

/**
 * The admin's actions on one user. Each changes which list a user belongs to (pending →
 * active, active → disabled), so every users list is refetched afterwards.
 */
export function useUserActions() {
  const queryClient = useQueryClient();
  // A decision on a registration also changes what waits in the queue (and the menu's count).
  const onSuccess = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queue.pathKey() }),
    ]);
  return {
    approve: useMutation(trpc.users.approve.mutationOptions({ onSuccess })),
    reject: useMutation(trpc.users.reject.mutationOptions({ onSuccess })),
    disable: useMutation(trpc.users.disable.mutationOptions({ onSuccess })),
    enable: useMutation(trpc.users.enable.mutationOptions({ onSuccess })),
    changeRole: useMutation(trpc.users.changeRole.mutationOptions({ onSuccess })),
  };
}
