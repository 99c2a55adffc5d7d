import type { AppRouter } from "@booking/client";
import { createBookingClient } from "@booking/client";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, retry: 1 } },
});

// The web app is served by the api itself, so the server is the page's own origin.
export const bookingClient = createBookingClient({ url: window.location.origin });

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: bookingClient, queryClient });
