import { useMutation } from "@tanstack/react-query";
import { trpc } from "../trpc.ts";

export function useRegister() {
  return useMutation(trpc.auth.register.mutationOptions());
}
