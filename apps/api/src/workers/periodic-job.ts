import type pg from "pg";
import type { Registry } from "prom-client";
import { countJobRound } from "../observability/leadership.ts";
import type { Logger } from "../observability/logger.ts";

export interface PeriodicJob {
  /** Unique name; also the advisory lock's key, so one process runs it at a time. */
  name: string;
  intervalMs: number;
  /** Does one round of work; returns how many items it handled (for the log). */
  run(now: Date): Promise<number>;
}

export interface RunningJobs {
  stop(): Promise<void>;
}

/**
 * Runs jobs on a timer in every api process, but each round only in the process that gets
 * the job's advisory lock: with several instances the work is done once, and when the
 * process that did it dies, another takes over at its next tick. The lock is
 * transaction-scoped, so a crashed round releases it with its connection.
 */
export function startPeriodicJobs(
  pool: pg.Pool,
  jobs: readonly PeriodicJob[],
  logger: Logger,
  /** Where `booking_job_rounds_total` is counted (the app's /metrics). */
  registry?: Registry,
): RunningJobs {
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      if (stopped) return;
      const round = runRound(pool, job, logger, registry).finally(() => inFlight.delete(round));
      inFlight.add(round);
    }, job.intervalMs),
  );
  for (const timer of timers) timer.unref();
  return {
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}

async function runRound(
  pool: pg.Pool,
  job: PeriodicJob,
  logger: Logger,
  registry: Registry | undefined,
): Promise<void> {
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    // Plain SQL on purpose: no table is read, only a transaction-scoped advisory lock that
    // must live on this one connection for the length of the round.
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked",
      [`booking:job:${job.name}`],
    );
    if (rows[0]?.locked) {
      if (registry) countJobRound(registry, job.name);
      const handled = await job.run(new Date());
      if (handled > 0) logger.info({ job: job.name, handled }, "job round done");
    }
    await client.query("COMMIT");
  } catch (error) {
    await client?.query("ROLLBACK").catch(() => undefined);
    logger.error({ err: error, job: job.name }, "job round failed; retrying at the next tick");
  } finally {
    client?.release();
  }
}
