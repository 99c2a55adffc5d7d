import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const apiMain = fileURLToPath(new URL("../../../apps/api/src/main.ts", import.meta.url));

export interface ApiProcess {
  child: ChildProcess;
  /** Base URL once the api listens, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Every stdout/stderr line so far (JSON log lines and anything else). */
  output: string[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real api as its own process (`node apps/api/src/main.ts`), as `pnpm start`
 * does, and waits for its "listening" log line. Black-box tests of the CLI, the web app
 * and the process lifecycle use it.
 */
export async function spawnApi(env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, [apiMain], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: "0",
      // A web app built elsewhere (several builds side by side) is served when named.
      ...(process.env.BOOKING_WEB_ROOT ? { BOOKING_WEB_ROOT: process.env.BOOKING_WEB_ROOT } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const url = await new Promise<string>((resolve, reject) => {
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        output.push(line);
        const listening = parseListening(line);
        if (listening) resolve(listening);
      }
    };
    child.stdout?.on("data", onLine);
    child.stderr?.on("data", onLine);
    void exited.then((code) =>
      reject(new Error(`api exited (code ${code}) before listening:\n${output.join("\n")}`)),
    );
  });
  return {
    child,
    url,
    output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

function parseListening(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    return entry.msg === "booking api listening" ? entry.url : undefined;
  } catch {
    return undefined;
  }
}
