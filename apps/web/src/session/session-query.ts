import { bookingErrorInfo } from "@booking/client";
import type { User } from "@booking/contracts";
import { queryOptions } from "@tanstack/react-query";
import { bookingClient } from "../trpc.ts";
import { sessionQueryKey } from "./session-key.ts";

export interface Session {
  user: User | null;
}

const loggedOutCodes = new Set(["UNAUTHENTICATED", "ACCOUNT_PENDING", "ACCOUNT_DISABLED"]);

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: async (): Promise<Session> => {
    try {
      return await bookingClient.me.get.query();
    } catch (error) {
      const code = bookingErrorInfo(error)?.code;
      if (code && loggedOutCodes.has(code)) return { user: null };
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
});
