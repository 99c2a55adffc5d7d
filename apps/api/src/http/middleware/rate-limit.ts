import type { MiddlewareHandler } from "hono";
import { AppError } from "../../errors/app-error.ts";
import type { RateLimiter } from "../../rate-limit/rate-limiter.ts";
import type { AppEnv } from "../app-env.ts";

/** The general limit of docs/api.md: RATE_LIMIT_PER_MINUTE requests per client IP (0 = off). */
export function generalRateLimit(
  limiter: RateLimiter,
  perMinute: number,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (perMinute === 0) return next();
    const decision = await limiter.hit(
      `ip:${c.var.clientAddress}`,
      { limit: perMinute, windowSeconds: 60 },
      new Date(),
    );
    c.header("RateLimit-Limit", String(decision.limit));
    c.header("RateLimit-Remaining", String(decision.remaining));
    c.header("RateLimit-Reset", String(decision.resetSeconds));
    if (!decision.allowed) {
      throw new AppError("RATE_LIMITED", "Too many requests; try again later.", {
        retryAfterSeconds: decision.resetSeconds,
      });
    }
    return next();
  };
}
