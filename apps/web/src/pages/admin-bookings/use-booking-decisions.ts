import { useMutation, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";

/**
 * The admin's decisions on a booking. Each changes its status and history, the lists it is
 * in and what waits in the queue (and the menu's count): all of them are read again, after
 * a refusal too (it usually means someone else changed the booking meanwhile).
 */
export function useBookingDecisions() {
  const queryClient = useQueryClient();
  const onSettled = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.bookings.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queue.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.availability.pathKey() }),
    ]);
  return {
    confirm: useMutation(trpc.bookings.confirm.mutationOptions({ onSettled })),
    reject: useMutation(trpc.bookings.reject.mutationOptions({ onSettled })),
    cancel: useMutation(trpc.bookings.cancel.mutationOptions({ onSettled })),
    noShow: useMutation(trpc.bookings.noShow.mutationOptions({ onSettled })),
  };
}
