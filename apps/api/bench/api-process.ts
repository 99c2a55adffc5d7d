import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";
import { apiBundle } from "../rolldown.config.ts";

/**
 * The api process runs `api-child.ts` bundled exactly like production's dist/main.js
 * (rolldown.config.ts), built afresh from the current sources, so the bench measures the
 * JavaScript `pnpm start` runs and not Node's TypeScript stripping. It sits beside main.js,
 * so paths resolved against the bundle's own file are the same.
 */
const childSource = "bench/api-child.ts";
const childBundle = "dist/bench-api.js";

/**
 * The node flags of `pnpm start` (root package.json), so memory and GC behave as in
 * production: a small young generation and a capped old one keep the resident set low
 * (docs/adr/0002 has the figures).
 */
export const productionFlags = ["--max-semi-space-size=4", "--max-old-space-size=96"];

export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** CPU time the api process has used so far (user + system), in microseconds. */
  cpuMicros: number;
}

export interface BenchApi {
  url: string;
  pid: number;
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

/** Starts the real api as a child process; `profileDir` turns on `--cpu-prof` there. */
export async function startApi(
  env: Record<string, string>,
  profileDir?: string,
): Promise<BenchApi> {
  const flags = profileDir
    ? [...productionFlags, "--cpu-prof", `--cpu-prof-dir=${profileDir}`]
    : productionFlags;
  await build({ ...apiBundle(childSource, childBundle), logLevel: "warn" });
  const childEntry = fileURLToPath(new URL(`../${childBundle}`, import.meta.url));
  const child = spawn(process.execPath, [...flags, childEntry], {
    // MALLOC_ARENA_MAX as `pnpm start` sets it (root package.json).
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      MALLOC_ARENA_MAX: "2",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  const exited = once(child, "exit");
  const url = await new Promise<string>((resolve, reject) => {
    child.on("message", (message: { type?: string; url?: string }) => {
      if (message.type === "listening" && message.url) resolve(message.url);
    });
    void exited.then(([code]) =>
      reject(new Error(`api exited (code ${code}) before listening:\n${output.join("")}`)),
    );
  });
  return {
    url,
    pid: child.pid ?? 0,
    memory: () => request<Memory>(child, "memory"),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: "stop" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function request<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string } & T) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.send({ type });
  });
}
