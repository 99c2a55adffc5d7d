import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnApi } from "@booking/vitest-config/api-process";
import { describe, expect, test } from "vitest";

const mainFile = fileURLToPath(new URL("./main.ts", import.meta.url));

/** PostgreSQL processes whose command line names this data directory. */
async function postgresProcessesFor(dataDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (commandLine.includes("postgres") && commandLine.includes(dataDir)) pids.push(Number(entry));
  }
  return pids;
}

describe("the api process", () => {
  test("bad configuration stops it with one clear line naming the variable", async () => {
    const child = spawn(process.execPath, [mainFile], {
      env: { PATH: process.env.PATH ?? "", PORT: "abc" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(78);
    expect(stderr.trim().split("\n")).toEqual([
      'Invalid configuration: PORT must be an integer between 0 and 65535 (0 picks a free port) (got "abc")',
    ]);
  });

  test("owns its embedded PostgreSQL: starts, stops cleanly on SIGTERM, restarts, survives kill -9", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "booking-main-"));
    const env = { BOOKING_DATA_DIR: dataDir, LOG_LEVEL: "info" };

    const first = await spawnApi(env);
    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
    // Without BOOKING_OWNER_*, the first start prints the owner's credentials once.
    const credentials = first.output.find((line) => line.startsWith("Owner account created"));
    expect(credentials).toMatch(
      /^Owner account created: log in as owner@booking.local with the password \S{12,}$/,
    );
    const password = credentials?.split(" ").at(-1) ?? "";
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "owner@booking.local", password }),
    });
    expect(login.status).toBe(200);
    expect(await postgresProcessesFor(dataDir)).not.toEqual([]);
    expect(await first.stop("SIGTERM")).toBe(0);
    expect(await postgresProcessesFor(dataDir)).toEqual([]);

    const restarted = await spawnApi(env);
    expect((await fetch(`${restarted.url}/ready`)).status).toBe(200);
    expect(restarted.output.some((line) => line.startsWith("Owner account created"))).toBe(false);
    // A crash leaves an orphaned PostgreSQL and its postmaster.pid behind.
    await restarted.stop("SIGKILL");
    expect(await postgresProcessesFor(dataDir)).not.toEqual([]);

    const afterCrash = await spawnApi(env);
    expect((await fetch(`${afterCrash.url}/ready`)).status).toBe(200);
    const status = (await (await fetch(`${afterCrash.url}/api/v1/status`)).json()) as {
      migrations: { pending: number };
    };
    expect(status.migrations.pending).toBe(0);
    expect(await afterCrash.stop("SIGINT")).toBe(0);
    expect(await postgresProcessesFor(dataDir)).toEqual([]);
  });
});
