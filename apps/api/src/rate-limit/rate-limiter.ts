import type pg from "pg";

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
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async hit(bucket: string, rule: RateLimitRule, now: Date): Promise<RateLimitDecision> {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
    const result = await this.pool.query<{ hits: number }>({
      name: "rate_limit_hit",
      text: `INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES ($1, $2, 1)
             ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
             RETURNING hits`,
      values: [bucket, new Date(windowStart)],
    });
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
    const result = await this.pool.query<{ hits: number }>({
      name: "rate_limit_peek",
      text: "SELECT hits FROM rate_limit_hits WHERE bucket = $1 AND window_start = $2",
      values: [bucket, new Date(windowStart)],
    });
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
    this.pool
      .query("DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 hour'")
      .catch(() => undefined);
  }
}
