import type { AppRouter, BookingClient } from "@booking/client";
import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";

/**
 * What a booking's page calls the api with: the app's own client (a member, by the session
 * cookie) or a guest's client that sends the manage token. `viewer` says whose events read
 * as "you" in the history.
 */
export interface BookingApi {
  trpc: TRPCOptionsProxy<AppRouter>;
  client: BookingClient;
  viewer: { userId: string } | "guest";
}
