import type { Server, ServerOptions } from "node:http";

/**
 * Limits of the HTTP server against clients that hold connections without finishing
 * requests (slow-loris), idle connections and oversized headers. Node's defaults are
 * generous (headers may take 60 s and a request 5 minutes, checked every 30 s; no cap on
 * connections); these bound what a hostile client can hold. Bodies over 1 MB are refused
 * with 413 by the body-size middleware (middleware/security.ts). `pnpm stress -- hostile-clients`
 * shows service continuing under 1,000 such connections.
 */
export const serverOptions = {
  /** A request's headers must arrive within 10 s of its first byte (or of the connection). */
  headersTimeout: 10_000,
  /** The whole request, body included, within 30 s. */
  requestTimeout: 30_000,
  /** How often those two are checked: every second, so a slow client is cut off on time. */
  connectionsCheckingInterval: 1_000,
  /**
   * An idle keep-alive connection is closed after 5 s (Node's default, set on purpose: a
   * reverse proxy must close its idle upstream connections sooner, docs/deployment/nginx.conf).
   */
  keepAliveTimeout: 5_000,
  /** Headers over 16 KiB are answered 431 and the connection closed (Node's default). */
  maxHeaderSize: 16 * 1024,
} satisfies ServerOptions;

/**
 * Connections beyond this are closed as they arrive, so a flood of idle connections runs
 * into a bound rather than into the process's memory (each costs a few kilobytes) or its
 * file descriptors. Far above what a proxy in front of the api opens.
 */
export const maxConnections = 2_000;

export function applyConnectionLimit(server: Server): void {
  server.maxConnections = maxConnections;
}
