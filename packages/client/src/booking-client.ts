import type { AppRouter } from "@booking/api";
import { transformer } from "@booking/contracts";
import { createTRPCClient, httpBatchLink } from "@trpc/client";

export interface BookingClientOptions {
  /** Base URL of the server, e.g. `http://localhost:3000`. */
  url: string;
  /** A login token or personal API token, sent as `Authorization: Bearer`. */
  token?: string;
  /** Replaces the global fetch (tests, proxies, custom agents). */
  fetch?: typeof globalThis.fetch;
}

/**
 * The typed client for the booking server, used by the web app, the CLI and scripts.
 * Every procedure's input and output types come from the server's router.
 */
export function createBookingClient(options: BookingClientOptions) {
  const endpoint = new URL("/trpc", options.url).toString();
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: endpoint,
        transformer,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers: () => (options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      }),
    ],
  });
}

export type BookingClient = ReturnType<typeof createBookingClient>;
