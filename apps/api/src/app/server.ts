import type { AddressInfo } from "node:net";
import packageJson from "../../package.json" with { type: "json" };
import type { Config } from "../config/config.ts";
import { loadSecrets } from "../config/secrets.ts";
import type { AppDependencies, CoreDependencies } from "../context/app-dependencies.ts";
import { openMigratedDatabase } from "../db/open-database.ts";
import { loadDemoData } from "../demo/load-demo-data.ts";
import { createLogger, type Logger } from "../observability/logger.ts";
import { createMetrics } from "../observability/metrics.ts";
import { createAsyncProjections } from "../projections/async-projections.ts";
import { RateLimiter } from "../rate-limit/rate-limiter.ts";
import { startChangeFeed } from "../read-cache/change-feed.ts";
import { createReadCaches } from "../read-cache/read-caches.ts";
import { ensureOwner } from "../users/bootstrap-owner.ts";
import { startPeriodicJobs } from "../workers/periodic-job.ts";
import { createAppEventStore } from "./app-event-store.ts";
import { features } from "./app-router.ts";
import { createApp } from "./create-app.ts";
import { type Listening, listen } from "./listen.ts";
import { webRootBesideApi } from "./web-root.ts";

// Callers from the sources (tests, the demo) get the build beside the api; main.ts names it.
const defaultWebRoot = webRootBesideApi(new URL("../main.ts", import.meta.url).href);

export interface RunningServer {
  url: string;
  deps: AppDependencies;
  stop(): Promise<void>;
}

/**
 * The composition root: database (embedded unless DATABASE_URL), migrations, owner, HTTP.
 * `stop` undoes it in reverse order, so nothing is cut off mid-request.
 */
export async function startServer(
  config: Config,
  options: {
    logger?: Logger;
    webRoot?: string | undefined;
    /** `pnpm start`: load the demo into an empty database unless BOOKING_DEMO=0. */
    demoWhenEmpty?: boolean;
  } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const secrets = await loadSecrets(config);
  const { database, close: closeDatabase } = await openMigratedDatabase(config, logger);
  const changeFeed = startChangeFeed(database.connectionString, logger);
  const caches = createReadCaches(changeFeed);
  // The port is known once the server listens (PORT=0 picks one).
  let listeningPort = config.port;
  const metrics = createMetrics();
  const core: CoreDependencies = {
    config,
    publicUrl: () => config.publicUrl ?? `http://localhost:${listeningPort}`,
    secrets,
    logger,
    database,
    eventStore: createAppEventStore(database, secrets, caches.appended, (sqlState) =>
      metrics.appendRetries.inc({ reason: sqlState === "40P01" ? "deadlock" : "serialization" }),
    ),
    metrics,
    rateLimiter: new RateLimiter(database),
    caches,
    version: packageJson.version,
    startedAt: new Date(),
    webRoot: "webRoot" in options ? options.webRoot : (config.webRoot ?? defaultWebRoot),
  };
  const deps: AppDependencies = {
    ...core,
    projections: createAsyncProjections(
      core,
      features.flatMap((feature) => feature.asyncProjections?.(core) ?? []),
      { reactors: features.flatMap((feature) => feature.reactors ?? []) },
    ),
  };
  let listening: Listening;
  try {
    await ensureOwner(deps, (line) => process.stdout.write(`${line}\n`));
    if (config.demo ?? options.demoWhenEmpty ?? false) await loadDemoData(deps);
    // Before anything reports their lag (which would create them at the start of the log):
    // reactors act on what happens from their first start on, never on the past.
    for (const feature of features) {
      for (const reactor of feature.reactors ?? []) {
        await deps.eventStore.startSubscriptionAtEnd(reactor.name);
      }
    }
    listening = await listen(createApp(deps).fetch, config.host, config.port);
  } catch (error) {
    await changeFeed.stop();
    await closeDatabase();
    throw error;
  }
  deps.projections.start();
  const workers = features.flatMap((feature) => feature.workers?.(deps) ?? []);
  for (const worker of workers) worker.start();
  const jobs = startPeriodicJobs(
    database.pool,
    features.flatMap((feature) => feature.jobs?.(deps) ?? []),
    logger,
    deps.metrics.registry,
  );
  const address = listening.server.address() as AddressInfo;
  listeningPort = address.port;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url }, "booking api listening");
  return {
    url,
    deps,
    stop: async () => {
      await closeServer(listening);
      await jobs.stop();
      await Promise.all(workers.map((worker) => worker.stop()));
      await deps.projections.stop();
      await changeFeed.stop();
      await closeDatabase();
      logger.info("stopped");
    },
  };
}

async function closeServer({ server, stopAccepting }: Listening): Promise<void> {
  stopAccepting();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would hold `close` open; in-flight requests may finish.
  server.closeIdleConnections();
  const forceAfter = setTimeout(() => server.closeAllConnections(), 10_000);
  await closed;
  clearTimeout(forceAfter);
}
