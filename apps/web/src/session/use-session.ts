import { useQuery } from "@tanstack/react-query";
import { sessionQueryOptions } from "./session-query.ts";

export function useSession() {
  const session = useQuery(sessionQueryOptions);
  const user = session.data?.user ?? null;
  return {
    user,
    isPending: session.isPending,
    isAdmin: user?.role === "admin" || user?.role === "owner",
  };
}
