import { randomUUID } from "node:crypto";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { afterAll } from "vitest";
import { testOwner } from "./test-server.ts";

/**
 * Api processes on the file's test database that a test may kill and start again on the
 * same data directory. They share one secret, so a restarted process reads what a killed
 * one wrote (and processes of the file's several tests share its database); every one is
 * killed after the file. `env` is added to the processes' environment.
 */
export function useApiProcesses(
  database: () => { url: string },
  env: Record<string, string> = {},
): (dataDir: string) => Promise<ApiProcess> {
  const running: ApiProcess[] = [];
  const secret = randomUUID() + randomUUID();
  afterAll(async () => {
    for (const api of running) await api.stop("SIGKILL");
  });
  return async (dataDir) => {
    const api = await spawnApi({
      DATABASE_URL: database().url,
      BOOKING_DATA_DIR: dataDir,
      BOOKING_OWNER_EMAIL: testOwner.email,
      BOOKING_OWNER_PASSWORD: testOwner.password,
      RATE_LIMIT_PER_MINUTE: "0",
      ...env,
      BOOKING_SECRET: secret,
    });
    running.push(api);
    return api;
  };
}
