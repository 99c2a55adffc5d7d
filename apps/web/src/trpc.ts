import type { AppRouter } from "@booking/client";
import { bookingErrorInfo, createBookingClient } from "@booking/client";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { sessionQueryKey } from "./session/session-key.ts";

// The web app is served by the api itself, so the server is the page's own origin.
export const bookingClient = createBookingClient({ url: window.location.origin });

// A session that expired or was revoked elsewhere shows up as UNAUTHENTICATED on any call;
// then the app shows itself logged out instead of failing page by page.
function forgetSessionWhenRejected(error: unknown) {
  if (bookingErrorInfo(error)?.code !== "UNAUTHENTICATED") return;
  queryClient.setQueryData(sessionQueryKey, { user: null });
}

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // Repeating a refused call cannot help; repeating a lost connection can.
      retry: (failureCount, error) => !bookingErrorInfo(error) && failureCount < 1,
    },
  },
  queryCache: new QueryCache({ onError: forgetSessionWhenRejected }),
  mutationCache: new MutationCache({ onError: forgetSessionWhenRejected }),
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: bookingClient, queryClient });
