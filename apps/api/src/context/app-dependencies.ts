import type { EventStore } from "@booking/eventstore";
import type { Config } from "../config/config.ts";
import type { Secrets } from "../config/secrets.ts";
import type { Database } from "../db/database.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { AsyncProjections } from "../projections/async-projections.ts";
import type { RateLimiter } from "../rate-limit/rate-limiter.ts";
import type { ReadCaches } from "../read-cache/read-caches.ts";

/** Everything the request handlers need, built once by the composition root. */
export interface AppDependencies {
  config: Config;
  secrets: Secrets;
  logger: Logger;
  database: Database;
  eventStore: EventStore;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  caches: ReadCaches;
  version: string;
  startedAt: Date;
  /**
   * PUBLIC_URL, or http://localhost:<port> once the server listens: the base of every link
   * in an e-mail or a calendar feed (no trailing slash).
   */
  publicUrl(): string;
  /** Where the built web app lives; undefined when it is not served. */
  webRoot: string | undefined;
  /** The asynchronous read models: their runners, lag, rebuilds. */
  projections: AsyncProjections;
}

/** What exists before the asynchronous projections are made (they are given these). */
export type CoreDependencies = Omit<AppDependencies, "projections">;
