import type { AppRouter } from "@booking/client";
import { bookingErrorInfo, createBookingClient } from "@booking/client";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { BookingApi } from "../my-bookings/booking-api.ts";

/**
 * The api as a guest with a manage token: every call carries `X-Booking-Token`. The app's
 * shared client cannot set a header per request, so this is a client of its own. It sends
 * no cookie (`credentials: "omit"`): a session would win over the token, and a logged-in
 * person opening a guest's link would then be refused. Its own QueryClient keeps the
 * guest's answers apart from the member's, and a refused token from logging anyone out.
 */
export function manageApi(token: string): { api: BookingApi; queryClient: QueryClient } {
  const client = createBookingClient({
    url: window.location.origin,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("X-Booking-Token", token);
      return globalThis.fetch(input, { ...init, headers, credentials: "omit" });
    },
  });
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failureCount, error) => !bookingErrorInfo(error) && failureCount < 1,
      },
    },
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });
  return { api: { trpc, client, viewer: "guest" }, queryClient };
}
