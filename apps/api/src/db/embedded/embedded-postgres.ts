import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { access, chmod, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { Logger } from "../../observability/logger.ts";
import { findPostgresBinaries, type PostgresBinaries } from "./postgres-binaries.ts";
import { embeddedServerSettings, settingsAsArguments } from "./postgres-settings.ts";
import { type ProcessIdentity, postgresProcessIdentity } from "./postgres-system-user.ts";
import { grantSearchOnAncestors } from "./search-permission.ts";
import { clearStaleServer } from "./stale-server.ts";

const databaseName = "booking";
const readyTimeoutMs = 30_000;
const stopTimeoutMs = 20_000;

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Runs PostgreSQL as a child of the api, with its cluster in `<dataDir>/postgres`:
 * initialised on first start, cleared of a previous crash's leftovers, restarted if it
 * dies, and shut down cleanly with the api.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
}): Promise<EmbeddedPostgres> {
  const logger = options.logger.child({ component: "embedded-postgres" });
  const clusterDir = join(options.dataDir, "postgres");
  const binaries = await findPostgresBinaries();
  const identity = await postgresProcessIdentity();
  await prepareClusterDirectory(options.dataDir, clusterDir, identity);
  if (identity) {
    const onGrant = (directory: string) =>
      logger.warn({ directory }, "granted search permission so that user postgres can reach it");
    await grantSearchOnAncestors(binaries.postgres, onGrant);
    await grantSearchOnAncestors(clusterDir, onGrant);
  }
  if (!(await exists(join(clusterDir, "PG_VERSION")))) {
    logger.info({ clusterDir }, "initialising a new PostgreSQL cluster");
    await initialiseCluster(binaries, clusterDir, identity);
  }
  const connectionString = `postgresql://postgres@localhost/${databaseName}?host=${encodeURIComponent(clusterDir)}`;
  const server = new SupervisedServer(binaries, clusterDir, identity, logger);
  await server.start();
  await createDatabaseIfMissing(clusterDir);
  return { connectionString, stop: () => server.stop() };
}

class SupervisedServer {
  private child: ChildProcess | undefined;
  private stopping = false;
  private recentOutput: string[] = [];
  private readonly binaries: PostgresBinaries;
  private readonly clusterDir: string;
  private readonly identity: ProcessIdentity | undefined;
  private readonly logger: Logger;

  constructor(
    binaries: PostgresBinaries,
    clusterDir: string,
    identity: ProcessIdentity | undefined,
    logger: Logger,
  ) {
    this.binaries = binaries;
    this.clusterDir = clusterDir;
    this.identity = identity;
    this.logger = logger;
  }

  async start(): Promise<void> {
    await clearStaleServer(this.clusterDir, this.clusterDir);
    const settings = settingsAsArguments(embeddedServerSettings(this.clusterDir));
    const child = spawn(this.binaries.postgres, ["-D", this.clusterDir, ...settings], {
      ...this.identity,
      // Its own process group: Ctrl-C in a terminal signals the api only, which then
      // closes its connections before it stops the server, in that order.
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    this.child = child;
    this.recentOutput = [];
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => this.record(chunk));
    child.once("exit", (code, signal) => this.onExit(child, code, signal));
    await this.waitUntilAcceptingConnections(child);
    this.logger.info({ pid: child.pid }, "embedded PostgreSQL is ready");
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGINT");
    const timeout = sleep(stopTimeoutMs).then(() => "timeout" as const);
    if ((await Promise.race([exited, timeout])) === "timeout") {
      this.logger.warn("PostgreSQL did not stop in time; killing it");
      child.kill("SIGKILL");
      await exited;
    }
    this.logger.info("embedded PostgreSQL stopped");
  }

  private record(chunk: string): void {
    for (const line of chunk.split("\n").filter(Boolean)) {
      this.recentOutput = [...this.recentOutput.slice(-19), line];
      this.logger.debug({ postgres: line });
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: string | null): void {
    if (this.stopping || child !== this.child) return;
    this.logger.error(
      { code, signal, output: this.recentOutput },
      "embedded PostgreSQL exited unexpectedly; restarting it",
    );
    void this.restartAfterCrash();
  }

  private async restartAfterCrash(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt += 1) {
      // Soon at first: every second without the server is a second of 503s. A start that
      // comes too early (the dead server's backends still going) fails and waits longer.
      await sleep(Math.min(250 * 2 ** (attempt - 1), 10_000));
      if (this.stopping) return;
      try {
        await this.start();
        return;
      } catch (error) {
        this.logger.error({ err: error, attempt }, "restarting embedded PostgreSQL failed");
      }
    }
  }

  private async waitUntilAcceptingConnections(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`PostgreSQL failed to start: ${this.recentOutput.join(" | ")}`);
      }
      if (await canConnect(this.clusterDir, "postgres")) return;
      await sleep(50);
    }
    child.kill("SIGKILL");
    throw new Error(`PostgreSQL did not accept connections within ${readyTimeoutMs} ms`);
  }
}

async function prepareClusterDirectory(
  dataDir: string,
  clusterDir: string,
  identity: ProcessIdentity | undefined,
): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await mkdir(clusterDir, { recursive: true });
  if (identity) await chown(clusterDir, identity.uid, identity.gid);
  // PostgreSQL refuses a data directory that others can read.
  await chmod(clusterDir, 0o700);
}

async function initialiseCluster(
  binaries: PostgresBinaries,
  clusterDir: string,
  identity: ProcessIdentity | undefined,
): Promise<void> {
  // initdb wants a superuser password; it is never used: the only way in is the Unix
  // socket with "trust", guarded by the 0700 cluster directory it lives in.
  const scratch = await mkdtemp(join(tmpdir(), "booking-initdb-"));
  const passwordFile = join(scratch, "password");
  await writeFile(passwordFile, `${crypto.randomUUID()}\n`, { mode: 0o600 });
  if (identity) {
    await chown(scratch, identity.uid, identity.gid);
    await chown(passwordFile, identity.uid, identity.gid);
  }
  try {
    const args = [
      `--pgdata=${clusterDir}`,
      "--username=postgres",
      `--pwfile=${passwordFile}`,
      "--auth-local=trust",
      "--auth-host=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C",
      "--no-instructions",
    ];
    const child = spawn(binaries.initdb, args, {
      ...identity,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    const [code] = (await once(child, "exit")) as [number | null];
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.trim()}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function canConnect(socketDir: string, database: string): Promise<boolean> {
  const client = new pg.Client({ host: socketDir, user: "postgres", database });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Plain SQL: this runs before the api's database (and its Kysely) exists. */
async function createDatabaseIfMissing(socketDir: string): Promise<void> {
  const client = new pg.Client({ host: socketDir, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      databaseName,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await client.end();
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
