import pg from "pg";
import { check, megabytes, round } from "../check.ts";
import { stayVenue } from "../fixtures/catalog.ts";
import { mixedTraffic, type TrafficOutcome } from "../fixtures/mixed-traffic.ts";
import {
  ownerToken,
  rateLimitNote,
  startStressSystem,
  stressClient,
} from "../fixtures/stress-api.ts";
import type { Scenario } from "../scenario.ts";

/** STRESS_SOAK_SECONDS shortens (or lengthens) the run; STRESS_SOAK_RATE sets requests/s. */
const seconds = Number(process.env.STRESS_SOAK_SECONDS ?? 600);
const rate = Number(process.env.STRESS_SOAK_RATE ?? 100);
const windows = 10;
const connections = 10;
/** docs/quality.md: the api's resident set after load. */
const rssLimitMb = 150;
/** Over the second half a process that leaks keeps growing; one that settled does not. */
const secondHalfGrowthLimitMb = 10;

interface Window {
  outcome: TrafficOutcome;
  rss: number;
  databaseBytes: number;
}

export const soakScenario: Scenario = {
  name: "soak",
  description: `${seconds} s of mixed traffic (reads, bookings, cancellations) at ${rate} requests/s on one api process, in ${windows} windows: RSS, p99 and database size from start to end`,
  async run(context) {
    if (!(seconds > 0) || !(rate > 0)) {
      throw new Error("STRESS_SOAK_SECONDS and STRESS_SOAK_RATE must be positive numbers");
    }
    context.log(rateLimitNote);
    const system = await startStressSystem(context.workDir, 1);
    try {
      const [api] = system.apis;
      if (!api) throw new Error("no api process");
      const client = stressClient(api.url, connections);
      const token = await ownerToken(client);
      const home = await stayVenue(client, token, "Ferienhaus für lange Zeit", 10);
      const rssAtStart = await api.rssBytes();
      const databaseAtStart = await system.postgres.databaseBytes(system.databaseName);
      const taken: Window[] = [];
      const windowSeconds = seconds / windows;
      for (let w = 0; w < windows; w++) {
        const outcome = await mixedTraffic(client, token, home, {
          connections,
          maxRequests: Math.ceil(windowSeconds * rate),
          maxSeconds: windowSeconds,
          rate,
        });
        const window = {
          outcome,
          rss: await api.rssBytes(),
          databaseBytes: await system.postgres.databaseBytes(system.databaseName),
        };
        taken.push(window);
        context.log(
          `window ${w + 1}/${windows}: ${outcome.requests} requests, p99 ${round(outcome.p99)} ms, rss ${megabytes(window.rss)} MB, database ${megabytes(window.databaseBytes)} MB`,
        );
      }
      client.close();
      const first = taken[0] as Window;
      const middle = taken[Math.floor(windows / 2) - 1] as Window;
      const last = taken[windows - 1] as Window;
      const requests = taken.reduce((n, w) => n + w.outcome.requests, 0);
      const created = taken.reduce((n, w) => n + w.outcome.created, 0);
      const cancelled = taken.reduce((n, w) => n + w.outcome.cancelled, 0);
      const unexpected: Record<string, number> = {};
      for (const window of taken) {
        for (const [key, n] of Object.entries(window.outcome.unexpected)) {
          unexpected[key] = (unexpected[key] ?? 0) + n;
        }
      }
      const unexpectedCount = Object.values(unexpected).reduce((a, b) => a + b, 0);
      const growth = last.databaseBytes - databaseAtStart;
      const tables = await largestTables(await system.postgres.databaseUrl(system.databaseName));
      const secondHalfGrowth = last.rss - middle.rss;
      return {
        checks: [
          check(
            "every request answered as expected (2xx, or 409 for a night still booked)",
            unexpectedCount === 0 && requests > 0,
            `${requests} requests, ${unexpectedCount} unexpected${
              unexpectedCount
                ? ` (${Object.entries(unexpected)
                    .map(([k, n]) => `${n} × ${k}`)
                    .join(", ")})`
                : ""
            }`,
          ),
          check(
            `api RSS at the end ≤ ${rssLimitMb} MB`,
            megabytes(last.rss) <= rssLimitMb,
            `${megabytes(last.rss)} MB (start ${megabytes(rssAtStart)} MB)`,
          ),
          check(
            `api RSS grows ≤ ${secondHalfGrowthLimitMb} MB over the second half (no leak)`,
            megabytes(secondHalfGrowth) <= secondHalfGrowthLimitMb,
            `${megabytes(middle.rss)} → ${megabytes(last.rss)} MB`,
          ),
        ],
        figures: {
          seconds,
          requests_per_s_target: rate,
          requests,
          bookings_created: created,
          bookings_cancelled: cancelled,
          rss_start_mb: megabytes(rssAtStart),
          rss_after_first_window_mb: megabytes(first.rss),
          rss_middle_mb: megabytes(middle.rss),
          rss_end_mb: megabytes(last.rss),
          p99_first_window_ms: round(first.outcome.p99),
          p99_last_window_ms: round(last.outcome.p99),
          p50_first_window_ms: round(first.outcome.p50),
          p50_last_window_ms: round(last.outcome.p50),
          database_start_mb: megabytes(databaseAtStart),
          database_end_mb: megabytes(last.databaseBytes),
          database_bytes_per_booking: created > 0 ? Math.round(growth / created) : 0,
          largest_tables: tables,
          note_database:
            "the database only grows: the event log keeps every booking and cancellation for good (event sourcing), read models and notification rows grow with the bookings, and PostgreSQL keeps dead row versions until autovacuum; growth per booking is the figure to watch, not the total",
          note_rss:
            "RSS rises over the first windows (JIT code, V8 heap up to its cap, connection pool, caches) and then levels off; a leak shows as growth that does not stop in the second half",
          rate_limit: rateLimitNote,
        },
      };
    } finally {
      await system.stop();
    }
  },
};

async function largestTables(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; bytes: string }>(
      `SELECT relname AS name, pg_total_relation_size(relid) AS bytes
         FROM pg_catalog.pg_statio_user_tables ORDER BY 2 DESC LIMIT 5`,
    );
    return rows.map((row) => `${row.name} ${megabytes(Number(row.bytes))} MB`).join(", ");
  } finally {
    await client.end();
  }
}
