import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterAll, beforeAll } from "vitest";
import { type RunningServer, startServer } from "../src/app/server.ts";
import { loadConfig } from "../src/config/config.ts";

export const testOwner = { email: "owner@example.org", password: "owner password 1" };

/**
 * A real api on a free port, over real HTTP, on this test file's own database.
 * Returns an accessor because the server exists only once `beforeAll` ran.
 */
export function useTestServer(
  options: { webRoot?: string; env?: Record<string, string> } = {},
): () => RunningServer {
  const database = useTestDatabase();
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "booking-api-test-"));
    const config = loadConfig({
      PORT: "0",
      DATABASE_URL: database().url,
      BOOKING_DATA_DIR: dataDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      BOOKING_OWNER_EMAIL: testOwner.email,
      BOOKING_OWNER_PASSWORD: testOwner.password,
      // Tests make many requests from one machine; restClient gives each call its own
      // client address (X-Forwarded-For), and the limits have tests of their own.
      RATE_LIMIT_PER_MINUTE: "0",
      TRUST_PROXY: "1",
      ...options.env,
    });
    server = await startServer(config, { webRoot: options.webRoot });
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("useTestServer(): the server exists only inside tests");
    return server;
  };
}
