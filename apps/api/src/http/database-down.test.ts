import { createServer, type Socket } from "node:net";
import { afterAll, describe, expect, test } from "vitest";
import { createAppEventStore } from "../app/app-event-store.ts";
import { createApp } from "../app/create-app.ts";
import { loadConfig } from "../config/config.ts";
import { connectDatabase, type Database } from "../db/database.ts";
import { createLogger } from "../observability/logger.ts";
import { createMetrics } from "../observability/metrics.ts";
import { createAsyncProjections } from "../projections/async-projections.ts";
import { RateLimiter } from "../rate-limit/rate-limiter.ts";
import { createReadCaches } from "../read-cache/read-caches.ts";

// A database nobody listens on: the api must answer quickly and clearly, not hang or crash.
function appWithoutDatabase(url = "postgres://nobody@127.0.0.1:1/none", watchHealth = false) {
  const logger = createLogger("silent");
  const config = loadConfig({ DATABASE_URL: url });
  const database = connectDatabase(config.databaseUrl ?? "", logger, {
    ...(watchHealth ? { watchHealth: { intervalMs: 20, retryMs: 20, timeoutMs: 200 } } : {}),
  });
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
  return {
    app: createApp({ ...core, projections: createAsyncProjections(core, []) }),
    database,
  };
}

describe("when the database is down", () => {
  const { app } = appWithoutDatabase();

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

describe("when the database does not answer (frozen, or dropped packets)", () => {
  // Accepts connections and never says a word: a connection attempt waits for the pool's
  // timeout (10 s), a query forever.
  const silent: Socket[] = [];
  const server = createServer((socket) => silent.push(socket));
  const listening = new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    }),
  );
  const closing: Database[] = [];
  afterAll(async () => {
    for (const database of closing) await database.health?.stop();
    for (const socket of silent) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  test("/ready answers 503 database down after its own short timeout, not the pool's", async () => {
    const { app, database } = appWithoutDatabase(
      `postgres://nobody@127.0.0.1:${await listening}/none`,
    );
    closing.push(database);
    const started = performance.now();
    const response = await app.request("/ready");
    const elapsed = performance.now() - started;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "not_ready", database: "down" });
    expect(silent.length).toBeGreaterThan(0);
    // The check gives up after 1 s; the pool would wait 10 s for its connection.
    expect(elapsed).toBeLessThan(8_000);
  });

  test("once the watcher has found it silent, API calls answer 503 UNAVAILABLE at once", async () => {
    const { app, database } = appWithoutDatabase(
      `postgres://nobody@127.0.0.1:${await listening}/none`,
      true,
    );
    closing.push(database);
    for (let i = 0; i < 1_000 && database.health?.reachable !== false; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(database.health?.reachable).toBe(false);
    const started = performance.now();
    const response = await app.request("/api/v1/status");
    const elapsed = performance.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
    // Without the watcher it would wait for the pool's connection timeout (10 s).
    expect(elapsed).toBeLessThan(5_000);
    expect((await app.request("/ready")).status).toBe(503);
  });
});
