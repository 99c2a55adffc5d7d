import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { Logger } from "../../observability/logger.ts";
import type { Metrics } from "../../observability/metrics.ts";
import type { AppEnv } from "../app-env.ts";
import { clientAddress } from "../client-address.ts";

const quietPaths = new Set(["/health", "/ready", "/metrics"]);

/**
 * Paths whose last segment is a secret: a calendar feed's token (the feed's only
 * credential) and a guest's manage token in the web app's link. Logs keep the shape only.
 */
const secretInPath = /^(\/api\/v1\/feeds\/|\/manage\/)[^/]+?(\.ics)?$/;

/** The path as the access log may keep it. */
export function loggablePath(path: string): string {
  return path.replace(secretInPath, "$1<token>$2");
}

/**
 * Gives every request a logger bound to its request id, then records one access-log line
 * and one histogram sample labelled with the matched route (never the raw path, whose
 * cardinality is unbounded).
 */
export function requestContext(
  logger: Logger,
  metrics: Metrics,
  trustProxy: boolean,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestLogger = logger.child({ requestId: c.var.requestId });
    c.set("logger", requestLogger);
    c.set("clientAddress", clientAddress(c, trustProxy));
    await next();
    const seconds = (performance.now() - started) / 1000;
    const status = c.res.status;
    const route = status === 404 ? "unmatched" : matchedRoute(c);
    metrics.httpRequestDuration.observe({ method: c.req.method, route, status }, seconds);
    const path = loggablePath(c.req.path);
    const line = { method: c.req.method, path, route, status, ms: seconds * 1000 };
    if (quietPaths.has(c.req.path)) requestLogger.debug(line, "request");
    else requestLogger.info(line, "request");
  };
}

function matchedRoute(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  return matchedRoutes(c)[c.req.routeIndex]?.path ?? "unmatched";
}
