import { describe, expect, test } from "vitest";
import { createAppEventStore } from "../app/app-event-store.ts";
import { createApp } from "../app/create-app.ts";
import { loadConfig } from "../config/config.ts";
import { connectDatabase } from "../db/database.ts";
import { createLogger } from "../observability/logger.ts";
import { createMetrics } from "../observability/metrics.ts";
import { createAsyncProjections } from "../projections/async-projections.ts";
import { RateLimiter } from "../rate-limit/rate-limiter.ts";
import { createReadCaches } from "../read-cache/read-caches.ts";

// A database nobody listens on: the api must answer quickly and clearly, not hang or crash.
function appWithoutDatabase() {
  const logger = createLogger("silent");
  const config = loadConfig({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
  const database = connectDatabase(config.databaseUrl ?? "", logger);
  const metrics = createMetrics();
  const secrets = {
    tokenSigningKey: Buffer.alloc(32),
    personalDataMasterKey: Buffer.alloc(32),
    emailLookupKey: Buffer.alloc(32),
  };
  // Nobody to listen to: the caches stay off, as they do while the database is away.
  const caches = createReadCaches({ live: false, subscribe: () => {} });
  const core = {
    config,
    secrets,
    eventStore: createAppEventStore(database, secrets, caches.appended),
    caches,
    logger,
    database,
    metrics,
    rateLimiter: new RateLimiter(database),
    version: "test",
    publicUrl: () => "http://localhost:3000",
    startedAt: new Date(),
    webRoot: undefined,
  };
  return createApp({ ...core, projections: createAsyncProjections(core, []) });
}

describe("when the database is down", () => {
  const app = appWithoutDatabase();

  test("/ready is 503 not_ready with database down", async () => {
    const response = await app.request("/ready");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not_ready",
      database: "down",
      projections: [],
    });
  });

  test("/health still answers", async () => {
    expect((await app.request("/health")).status).toBe(200);
  });

  test("an API call is 503 UNAVAILABLE with Retry-After", async () => {
    const response = await app.request("/api/v1/status");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("UNAVAILABLE");
  });
});
