import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's IP address. Behind a reverse proxy (TRUST_PROXY=1) it is the last entry of
 * X-Forwarded-For, the one our proxy appended; earlier entries come from the client and
 * could be forged to dodge rate limits.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // Requests made in-process (app.request in tests) have no socket.
    return "local";
  }
}
