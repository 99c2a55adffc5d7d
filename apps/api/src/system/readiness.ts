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
 * How long the database may take to answer `SELECT 1`. A database that hangs (frozen, or
 * unreachable without a refusal) would otherwise hold /ready until the pool's connection
 * timeout, longer than a load balancer waits; one that cannot answer this fast is down.
 */
export const READINESS_TIMEOUT_MS = 1_000;

/**
 * The rest of the check (migrations, lags) goes through the pool, where under a burst it
 * waits its turn behind requests: that is load, not an outage, so it gets longer; past
 * this /ready still answers, not ready, rather than hang.
 */
const POOL_CHECK_TIMEOUT_MS = 5_000;

const notReachable = (): Readiness => ({ status: "not_ready", database: "down", projections: [] });

/**
 * Ready = the database answers and every migration is applied (docs/api.md, /ready). The
 * asynchronous projections' lag is reported, not judged: a read model behind the log is no
 * reason to take the process out of a load balancer, whose bookings work regardless.
 */
export async function checkReadiness(
  database: Database,
  projections: Pick<AsyncProjections, "lags">,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<Readiness> {
  // Known to be gone: no need to wait for the check to find out again.
  if (database.health && !database.health.reachable) return notReachable();
  // Asked on the health watcher's own connection where there is one: a busy pool is no
  // sign of a database gone.
  const answers = database.health
    ? await database.health.ping(timeoutMs)
    : await within(
        timeoutMs,
        sql`SELECT 1`.execute(database.db).then(
          () => true,
          () => false,
        ),
        false,
      );
  if (!answers) return notReachable();
  return within(POOL_CHECK_TIMEOUT_MS, migrationsAndLags(database, projections), {
    status: "not_ready",
    database: "up",
    projections: [],
  });
}

async function migrationsAndLags(
  database: Database,
  projections: Pick<AsyncProjections, "lags">,
): Promise<Readiness> {
  try {
    const migrations = await readMigrationState(database.db);
    const status = migrations.pending === 0 ? "ready" : "not_ready";
    return { status, database: "up", projections: await projections.lags().catch(() => []) };
  } catch {
    return { status: "not_ready", database: "up", projections: [] };
  }
}

/** `work`'s result, or `otherwise` once `ms` have passed; the work that lost goes on alone. */
async function within<T>(ms: number, work: Promise<T>, otherwise: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(otherwise), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
