import type { SystemStatus } from "@booking/contracts";
import { sql } from "kysely";
import type { AppDependencies } from "../context/app-dependencies.ts";
import { readMigrationState } from "../db/migrator.ts";

export async function readSystemStatus(
  deps: Pick<AppDependencies, "database" | "version" | "startedAt">,
  now: Date,
): Promise<SystemStatus> {
  const { db } = deps.database;
  const [versionResult, migrations] = await Promise.all([
    sql<{ server_version: string }>`SHOW server_version`.execute(db),
    readMigrationState(db),
  ]);
  return {
    version: deps.version,
    uptimeSeconds: Math.max(0, Math.floor((now.getTime() - deps.startedAt.getTime()) / 1000)),
    database: { version: versionResult.rows[0]?.server_version ?? "unknown" },
    migrations,
  };
}
