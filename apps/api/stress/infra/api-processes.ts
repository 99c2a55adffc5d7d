import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { productionFlags } from "../../bench/api-process.ts";
import { stopOnInterrupt } from "./cleanup.ts";
import { freePort } from "./free-port.ts";
import { until } from "./until.ts";

/** The bundle `pnpm start` runs; `pnpm stress` builds it first. */
export const apiMain = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/**
 * One api process started from the built dist/main.js with the flags and environment of
 * `pnpm start`, on a port chosen once: `restart()` after `kill()` comes back on the same
 * address, so a proxy in front of it (nginx.ts) and the clients keep their URL.
 *
 * ```ts
 * const [api] = await startApiProcesses(1, {
 *   workDir: context.workDir,
 *   env: { DATABASE_URL: url, BOOKING_OWNER_EMAIL: "…", BOOKING_OWNER_PASSWORD: "…" },
 * });
 * await api.kill();    // kill -9, resolves once the process is gone
 * await api.restart(); // same port and environment; resolves once /ready answers 200
 * const rss = await api.rssBytes();
 * await api.stop();    // SIGTERM (a clean shutdown); at the end of every scenario
 * ```
 */
export interface ApiProcess {
  /** `api-1`, `api-2`, …: also the name of its log file in the work directory. */
  name: string;
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The current process id (a restart changes it). */
  readonly pid: number;
  readonly running: boolean;
  /** Resident set size of the process now (VmRSS in /proc), in bytes. */
  rssBytes(): Promise<number>;
  /** SIGKILL (kill -9); resolves once the process has exited. */
  kill(): Promise<void>;
  /** SIGTERM, the api's clean shutdown (SIGKILL after 15 s); resolves once it has exited. */
  stop(): Promise<void>;
  /** Starts it again after `kill` or `stop`, same port and environment; waits for /ready. */
  restart(): Promise<void>;
  /** The last lines the process wrote (stdout and stderr), for error messages. */
  recentOutput(): string;
}

export interface ApiProcessOptions {
  /** Log files `<name>.log` go here. */
  workDir: string;
  /**
   * Added to the defaults: HOST=127.0.0.1, PORT, LOG_LEVEL=warn, BOOKING_DEMO=0,
   * BOOKING_DATA_DIR=<workDir>/data (shared by all, so one outbox holds every mail),
   * MALLOC_ARENA_MAX=2 as `pnpm start` sets it. Give DATABASE_URL (and BOOKING_SECRET when
   * several processes share a database; without one they share the data dir's secret).
   */
  env: Record<string, string>;
  /** How long to wait for /ready to answer 200 (default 60 s). */
  readyTimeoutMs?: number;
}

/** Starts `count` api processes one after the other (migrations run once, in the first). */
export async function startApiProcesses(
  count: number,
  options: ApiProcessOptions,
): Promise<ApiProcess[]> {
  const processes: ApiProcess[] = [];
  try {
    for (let i = 1; i <= count; i++) {
      processes.push(await startApiProcess(`api-${i}`, options));
    }
  } catch (error) {
    await Promise.all(processes.map((started) => started.stop()));
    throw error;
  }
  return processes;
}

export async function startApiProcess(
  name: string,
  options: ApiProcessOptions,
): Promise<ApiProcess> {
  if (!existsSync(apiMain)) {
    throw new Error(`${apiMain} is missing: build the api first (pnpm stress builds it)`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(join(options.workDir, `${name}.log`), { flags: "a" });
  const recent: string[] = [];
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    MALLOC_ARENA_MAX: "2",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    BOOKING_DEMO: "0",
    BOOKING_DATA_DIR: join(options.workDir, "data"),
    ...options.env,
    PORT: String(port),
  };
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();

  const launch = async () => {
    const started = spawn(process.execPath, [...productionFlags, apiMain], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    exited = once(started, "exit");
    const forget = stopOnInterrupt(async () => {
      started.kill("SIGKILL");
    });
    void exited.then(forget);
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      recent.push(chunk.toString("utf8"));
      if (recent.length > 50) recent.shift();
    };
    started.stdout?.on("data", keep);
    started.stderr?.on("data", keep);
    const gone = () => started.exitCode !== null || started.signalCode !== null;
    try {
      await until(
        `${name} /ready`,
        async () => {
          if (gone()) throw new Error("exited");
          return (await fetch(`${url}/ready`)).status === 200;
        },
        options.readyTimeoutMs ?? 60_000,
      );
    } catch (error) {
      started.kill("SIGKILL");
      throw new Error(
        `${name} did not become ready (${(error as Error).message}):\n${recent.join("")}`,
      );
    }
    if (gone()) throw new Error(`${name} exited while starting:\n${recent.join("")}`);
  };

  const isRunning = () =>
    child !== undefined && child.exitCode === null && child.signalCode === null;
  const signal = async (which: NodeJS.Signals, forceAfterMs?: number) => {
    if (!isRunning()) return;
    child?.kill(which);
    const force =
      forceAfterMs === undefined
        ? undefined
        : setTimeout(() => child?.kill("SIGKILL"), forceAfterMs);
    await exited;
    clearTimeout(force);
  };

  await launch();
  return {
    name,
    url,
    port,
    get pid() {
      return child?.pid ?? 0;
    },
    get running() {
      return isRunning();
    },
    rssBytes: () => rssOf(child?.pid ?? 0),
    kill: () => signal("SIGKILL"),
    stop: async () => {
      await signal("SIGTERM", 15_000);
    },
    restart: async () => {
      if (isRunning()) throw new Error(`${name} still runs: kill or stop it first`);
      await launch();
    },
    recentOutput: () => recent.join(""),
  };
}

/** VmRSS of a process from /proc (Linux), in bytes; 0 once it is gone. */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : 0;
}
