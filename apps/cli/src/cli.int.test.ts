import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { systemStatusSchema } from "@booking/contracts";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const bin = fileURLToPath(new URL("../bin/booking.js", import.meta.url));
const database = useTestDatabase();
let api: ApiProcess;

beforeAll(async () => {
  api = await spawnApi({ DATABASE_URL: database().url, LOG_LEVEL: "info" });
});
afterAll(async () => {
  await api?.stop();
});

async function booking(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("booking status", () => {
  test("prints the server status", async () => {
    const result = await booking(["status", "--url", api.url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Booking server \\S+ at ${api.url}`));
    expect(result.stdout).toMatch(/database {4}PostgreSQL \d+/);
    expect(result.stdout).toMatch(/migrations {2}\d+ applied, 0 pending/);
  });

  test("--json prints the status object; BOOKING_URL selects the server; `--` is ignored", async () => {
    const result = await booking(["--", "status", "--json"], { BOOKING_URL: api.url });
    expect(result.code).toBe(0);
    const status = systemStatusSchema.parse(JSON.parse(result.stdout));
    expect(status.migrations.pending).toBe(0);
  });

  test("an unreachable server is exit 1 with a clear message", async () => {
    const result = await booking(["status", "--url", "http://127.0.0.1:1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cannot reach the booking server at http://127.0.0.1:1");
  });

  test("an unknown command or option is exit 2 with the usage", async () => {
    const unknown = await booking(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badOption = await booking(["status", "--colour"]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Usage: booking");
  });

  test("--help is exit 0", async () => {
    const result = await booking(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: booking <command>");
  });
});

describe("output into a pipe that closes early", () => {
  test("ends quietly with 0, as `booking status | head -c 0` expects", async () => {
    const child = spawn(process.execPath, [bin, "status", "--url", api.url], {
      env: { PATH: process.env.PATH ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader goes away before the first byte: the CLI's write meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, "exit");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });
});
