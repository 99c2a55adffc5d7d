import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import { executePrepared } from "../db/prepared.ts";

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends (when the limit opens again). */
  resetSeconds: number;
}

const cleanupEveryMs = 60_000;

/**
 * Fixed-window counters in PostgreSQL: correct across any number of api processes, one
 * upsert per hit. Windows older than an hour are deleted now and then.
 */
export class RateLimiter {
  private lastCleanup = 0;
  private readonly database: Pick<Database, "db" | "pool">;

  /** Queries are typed (Kysely) and run as named statements: `hit` runs on every request. */
  constructor(database: Pick<Database, "db" | "pool">) {
    this.database = database;
  }

  async hit(bucket: string, rule: RateLimitRule, now: Date): Promise<RateLimitDecision> {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
    const query = this.database.db
      .insertInto("rate_limit_hits")
      .values({ bucket, window_start: new Date(windowStart), hits: 1 })
      .onConflict((conflict) =>
        conflict
          .columns(["bucket", "window_start"])
          .doUpdateSet((eb) => ({ hits: eb("rate_limit_hits.hits", "+", 1) })),
      )
      .returning("hits");
    const result = await executePrepared(this.database.pool, "rate_limit_hit", query);
    this.cleanUpNowAndThen(now);
    const hits = result.rows[0]?.hits ?? 1;
    return {
      allowed: hits <= rule.limit,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - hits),
      resetSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000)),
    };
  }

  /** The current window's count without adding to it (e.g. to refuse before any work). */
  async isExhausted(bucket: string, rule: RateLimitRule, now: Date): Promise<RateLimitDecision> {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
    const query = this.database.db
      .selectFrom("rate_limit_hits")
      .select("hits")
      .where("bucket", "=", bucket)
      .where("window_start", "=", new Date(windowStart));
    const result = await executePrepared(this.database.pool, "rate_limit_peek", query);
    const hits = result.rows[0]?.hits ?? 0;
    return {
      allowed: hits < rule.limit,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - hits),
      resetSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000)),
    };
  }

  private cleanUpNowAndThen(now: Date): void {
    if (now.getTime() - this.lastCleanup < cleanupEveryMs) return;
    this.lastCleanup = now.getTime();
    this.database.db
      .deleteFrom("rate_limit_hits")
      .where("window_start", "<", sql<Date>`now() - interval '1 hour'`)
      .execute()
      .catch(() => undefined);
  }
}
