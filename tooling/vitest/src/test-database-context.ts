import pg from "pg";

/** What the global setup hands to every test file (through vitest's provide/inject). */
export interface TestPostgresContext {
  /** Connection string of a database on the test server with CREATE DATABASE rights. */
  adminUrl: string;
  /** Migrated database that each test file's database is cloned from. */
  templateDatabase: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    postgres: TestPostgresContext;
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Runs one statement (CREATE/DROP DATABASE) on its own short-lived connection. */
export async function runAdminStatement(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
