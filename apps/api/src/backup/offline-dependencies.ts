import packageJson from "../../package.json" with { type: "json" };
import { createAppEventStore } from "../app/app-event-store.ts";
import type { Config } from "../config/config.ts";
import type { Secrets } from "../config/secrets.ts";
import type { CoreDependencies } from "../context/app-dependencies.ts";
import type { Database } from "../db/database.ts";
import type { Logger } from "../observability/logger.ts";
import { createMetrics } from "../observability/metrics.ts";
import { RateLimiter } from "../rate-limit/rate-limiter.ts";
import { createReadCaches } from "../read-cache/read-caches.ts";

/**
 * What the features are built from, for a command without an HTTP server: no change feed
 * (caches never serve), no web app. Enough to make the projections a restore refills.
 */
export function offlineDependencies(
  config: Config,
  secrets: Secrets,
  database: Database,
  logger: Logger,
): CoreDependencies {
  return {
    config,
    publicUrl: () => config.publicUrl ?? `http://localhost:${config.port}`,
    secrets,
    logger,
    database,
    eventStore: createAppEventStore(database, secrets),
    metrics: createMetrics(),
    rateLimiter: new RateLimiter(database),
    caches: createReadCaches({ live: false, subscribe: () => {} }),
    version: packageJson.version,
    startedAt: new Date(),
    webRoot: undefined,
  };
}
