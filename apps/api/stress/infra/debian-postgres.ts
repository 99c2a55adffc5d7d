import { execFile } from "node:child_process";
import { chmod, chown, mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { stopOnInterrupt } from "./cleanup.ts";
import { freePort } from "./free-port.ts";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 server (package postgresql-15); override with STRESS_PG_BIN. */
const binaries = process.env.STRESS_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const asRoot = process.getuid?.() === 0;

/**
 * A real PostgreSQL server (not the api's embedded one) in a directory of its own, on a
 * loopback port: what several api processes share, and what a scenario may stop and start
 * again underneath them.
 *
 * ```ts
 * const postgres = await startDebianPostgres(join(context.workDir, "postgres"));
 * const url = await postgres.createDatabase("booking"); // DATABASE_URL for the api
 * await postgres.stop("immediate"); // the database goes away (as after a crash)
 * await postgres.start();           // and comes back on the same port, same data
 * await postgres.destroy();         // at the end: stopped, whatever state it is in
 * ```
 */
export interface DebianPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: a superuser on the maintenance database. */
  adminUrl: string;
  port: number;
  /** The cluster's data directory. */
  dataDir: string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** The URL of a database (no check that it exists). */
  databaseUrl(name: string): string;
  /** Size of one database in bytes (`pg_database_size`). */
  databaseBytes(name: string): Promise<number>;
  /** Stops the server: `fast` ends sessions cleanly, `immediate` is like a crash. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  /** Starts it again (after `stop`) on the same port and data; resolves once it accepts connections. */
  start(): Promise<void>;
  /** `stop("fast")` then `start()`. */
  restart(): Promise<void>;
  /** Stops the server if it runs; for `finally` blocks. */
  destroy(): Promise<void>;
}

export interface DebianPostgresOptions {
  /** Extra or replaced server settings (`-c name=value`), e.g. `{ max_connections: "50" }`. */
  settings?: Record<string, string>;
}

/**
 * Throw-away cluster settings: durability off (the server is deleted afterwards; a stop
 * with `immediate` still recovers, since the operating system keeps what was written), and
 * deadlocks found after 100 ms like the api's embedded server (conflicting bookings under
 * an exclusion constraint deadlock by design and are retried).
 */
const defaultSettings: Record<string, string> = {
  listen_addresses: "127.0.0.1",
  max_connections: "100",
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  deadlock_timeout: "100ms",
  shared_buffers: "64MB",
  lc_messages: "C",
  log_min_messages: "warning",
  idle_in_transaction_session_timeout: "60s",
};

/**
 * initdb + pg_ctl in `directory` (created if missing): the cluster in `cluster/`, its log in
 * `postgres.log`. As root the server runs as the operating system user `postgres`
 * (PostgreSQL refuses to run as root): the folder is handed to it and every folder above
 * gets the search bit.
 */
export async function startDebianPostgres(
  directory: string,
  options: DebianPostgresOptions = {},
): Promise<DebianPostgres> {
  await mkdir(directory, { recursive: true });
  if (asRoot) await letPostgresUserIn(directory);
  const dataDir = join(directory, "cluster");
  const logFile = join(directory, "postgres.log");
  const port = await freePort();
  const settings = {
    ...defaultSettings,
    // The socket in our own folder: Debian's /var/run/postgresql may not exist or be ours.
    unix_socket_directories: directory,
    port: String(port),
    ...options.settings,
  };
  // Trust on loopback: the cluster lives for one run and listens on 127.0.0.1 only.
  await pgTool("initdb", [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  const serverOptions = Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(" ");
  let running = false;
  let forget = () => {};
  const databaseUrl = (name: string) =>
    `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  const adminUrl = databaseUrl("postgres");
  const withAdmin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const start = async () => {
    // -w: returns once the server accepts connections (or fails with its log).
    forget = stopOnInterrupt(() => stop("immediate"));
    await pgTool("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", serverOptions, "-w", "start"]);
    running = true;
  };
  const stop = async (mode: "fast" | "immediate" = "fast") => {
    await pgTool("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "stop"]);
    running = false;
    forget();
  };
  await start();
  return {
    adminUrl,
    port,
    dataDir,
    createDatabase: async (name) => {
      await withAdmin((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
      return databaseUrl(name);
    },
    databaseUrl,
    databaseBytes: (name) =>
      withAdmin(async (client) => {
        const { rows } = await client.query<{ bytes: string }>(
          "SELECT pg_database_size($1) AS bytes",
          [name],
        );
        return Number(rows[0]?.bytes ?? 0);
      }),
    stop,
    start,
    restart: async () => {
      await stop("fast");
      await start();
    },
    destroy: async () => {
      if (running) await stop("immediate").catch(() => undefined);
    },
  };
}

async function pgTool(tool: string, args: string[]): Promise<void> {
  const path = join(binaries, tool);
  const [command, commandArgs] = asRoot
    ? ["runuser", ["-u", "postgres", "--", path, ...args]]
    : [path, args];
  try {
    await run(command, commandArgs, { timeout: 120_000 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${tool} ${args.at(-1)} failed: ${stderr || stdout || String(error)}`);
  }
}

async function letPostgresUserIn(directory: string): Promise<void> {
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  await chown(directory, uid, gid);
  await chmod(directory, 0o700);
  for (let parent = dirname(directory); ; parent = dirname(parent)) {
    const { mode } = await stat(parent);
    if ((mode & 0o001) === 0) await chmod(parent, mode | 0o001);
    if (dirname(parent) === parent) return;
  }
}
