import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stopOnInterrupt } from "./cleanup.ts";
import { freePort } from "./free-port.ts";
import { until } from "./until.ts";

/** Debian's nginx (package nginx); override with STRESS_NGINX. */
const nginxBinary = process.env.STRESS_NGINX ?? "/usr/sbin/nginx";

/** The documented configuration: the suite runs exactly it, with its addresses replaced. */
export const documentedConfig = fileURLToPath(
  new URL("../../../../docs/deployment/nginx.conf", import.meta.url),
);

/**
 * nginx in front of api processes, on a loopback port, with the configuration a deployment
 * copies (docs/deployment/nginx.conf): only the upstream servers and the listen address are
 * replaced, and a minimal main configuration around it keeps every file in `directory`.
 *
 * ```ts
 * const nginx = await startNginx(join(context.workDir, "nginx"), apis.map((api) => api.url));
 * await fetch(`${nginx.url}/ready`);
 * await nginx.stop();
 * ```
 */
export interface Nginx {
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startNginx(directory: string, upstreamUrls: string[]): Promise<Nginx> {
  await mkdir(directory, { recursive: true });
  const port = await freePort();
  const site = siteConfig(
    await readFile(documentedConfig, "utf8"),
    upstreamUrls.map((url) => new URL(url).host),
    `127.0.0.1:${port}`,
  );
  await writeFile(join(directory, "booking.conf"), site);
  await writeFile(join(directory, "nginx.conf"), mainConfig(directory));
  const child = spawn(
    nginxBinary,
    ["-p", directory, "-c", join(directory, "nginx.conf"), "-e", join(directory, "error.log")],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  const exited = once(child, "exit");
  const forget = stopOnInterrupt(() => stop(child, exited));
  void exited.then(forget);
  const url = `http://127.0.0.1:${port}`;
  try {
    await until(
      "nginx answers /health",
      async () => {
        if (child.exitCode !== null) throw new Error("exited");
        return (await fetch(`${url}/health`)).status === 200;
      },
      20_000,
    );
  } catch (error) {
    child.kill("SIGKILL");
    const log = await readFile(join(directory, "error.log"), "utf8").catch(() => "");
    throw new Error(`nginx did not start (${(error as Error).message}):\n${output.join("")}${log}`);
  }
  return { url, pid: child.pid ?? 0, stop: () => stop(child, exited) };
}

async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // SIGTERM is nginx's fast shutdown: open connections are closed, workers exit with it.
  child.kill("SIGTERM");
  const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(force);
}

/**
 * The documented site with `upstream` servers and `listen` replaced. Fails loudly when the
 * document no longer has the lines it expects, so the two cannot drift apart.
 */
export function siteConfig(documented: string, upstreams: string[], listen: string): string {
  const serverLine = /^([ \t]*)server[ \t]+127\.0\.0\.1:\d+([^;\n]*);[ \t]*\n/gm;
  const lines = [...documented.matchAll(serverLine)];
  const first = lines[0];
  if (!first || !/^[ \t]*listen[ \t]+80;/m.test(documented)) {
    throw new Error(
      `${documentedConfig}: expected "server 127.0.0.1:<port> …;" lines and "listen 80;"`,
    );
  }
  const [, indent, parameters] = first;
  const replacement = upstreams.map((host) => `${indent}server ${host}${parameters};\n`).join("");
  let replaced = false;
  return documented
    .replace(serverLine, () => {
      if (replaced) return "";
      replaced = true;
      return replacement;
    })
    .replace(/^([ \t]*)listen[ \t]+80;/m, `$1listen ${listen};`);
}

function mainConfig(directory: string): string {
  // As root the workers would switch to "nobody", which cannot enter our 0700 temp folder.
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  return `${user}worker_processes 2;
pid ${join(directory, "nginx.pid")};
error_log ${join(directory, "error.log")} warn;
daemon off;
events {
  worker_connections 4096;
}
http {
  access_log off;
  client_body_temp_path ${join(directory, "client_body")};
  proxy_temp_path ${join(directory, "proxy")};
  fastcgi_temp_path ${join(directory, "fastcgi")};
  uwsgi_temp_path ${join(directory, "uwsgi")};
  scgi_temp_path ${join(directory, "scgi")};
  include ${join(directory, "booking.conf")};
}
`;
}
