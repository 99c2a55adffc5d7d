import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterAll, beforeAll, expect } from "vitest";

const bin = fileURLToPath(new URL("../bin/booking.js", import.meta.url));
export const cliOwner = { email: "owner@example.com", password: "owner-password-1" };

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A real api process on this test file's database, its owner logged in through the CLI
 * (`booking login`), and a way to run `node bin/booking.js …` against it with a config
 * directory of its own. Also the owner's token, for setting the scene over REST.
 */
export function useCliAgainstApi(label: string) {
  const database = useTestDatabase();
  let api: ApiProcess | undefined;
  let configHome = "";
  let token = "";

  async function booking(args: string[], stdin = ""): Promise<CliRun> {
    const running = promisify(execFile)(process.execPath, [bin, ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        BOOKING_URL: api?.url ?? "",
        XDG_CONFIG_HOME: configHome,
      },
    });
    running.child.stdin?.end(stdin);
    try {
      const { stdout, stderr } = await running;
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as CliRun;
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  beforeAll(async () => {
    configHome = await mkdtemp(join(tmpdir(), `booking-cli-${label}-`));
    api = await spawnApi({
      DATABASE_URL: database().url,
      LOG_LEVEL: "info",
      BOOKING_DATA_DIR: join(configHome, "api-data"),
      BOOKING_SECRET: "cli-integration-test-secret-0123456789",
      BOOKING_OWNER_EMAIL: cliOwner.email,
      BOOKING_OWNER_PASSWORD: cliOwner.password,
      RATE_LIMIT_PER_MINUTE: "0",
    });
    const login = await booking(
      ["login", "--email", cliOwner.email, "--password-stdin"],
      cliOwner.password,
    );
    expect(login.code, login.stderr).toBe(0);
    const response = await fetch(`${api.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(cliOwner),
    });
    token = ((await response.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await api?.stop();
    if (configHome) await rm(configHome, { recursive: true, force: true });
  });

  return {
    booking,
    database,
    url: () => api?.url ?? "",
    token: () => token,
  };
}
