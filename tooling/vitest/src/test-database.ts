import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { databaseUrl, runAdminStatement } from "./test-database-context.ts";

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, templateDatabase } = inject("postgres");
  const name = `test_${randomBytes(8).toString("hex")}`;
  await runAdminStatement(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${templateDatabase}"`);
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => runAdminStatement(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * Registers a database for the current test file: created before its tests, dropped
 * after. Returns an accessor because the database exists only once `beforeAll` ran.
 */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("useTestDatabase(): the database exists only inside tests");
    return database;
  };
}
