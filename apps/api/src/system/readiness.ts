import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import { readMigrationState } from "../db/migrator.ts";
import type { AsyncProjections } from "../projections/async-projections.ts";

export interface Readiness {
  status: "ready" | "not_ready";
  database: "up" | "down";
  projections: { name: string; lag: number }[];
}

/**
 * Ready = the database answers and every migration is applied (docs/api.md, /ready). The
 * asynchronous projections' lag is reported, not judged: a read model behind the log is no
 * reason to take the process out of a load balancer, whose bookings work regardless.
 */
export async function checkReadiness(
  database: Database,
  projections: Pick<AsyncProjections, "lags">,
): Promise<Readiness> {
  try {
    await sql`SELECT 1`.execute(database.db);
  } catch {
    return { status: "not_ready", database: "down", projections: [] };
  }
  try {
    const migrations = await readMigrationState(database.db);
    const status = migrations.pending === 0 ? "ready" : "not_ready";
    return { status, database: "up", projections: await projections.lags().catch(() => []) };
  } catch {
    return { status: "not_ready", database: "up", projections: [] };
  }
}
