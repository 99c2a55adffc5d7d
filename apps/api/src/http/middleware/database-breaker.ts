import type { MiddlewareHandler } from "hono";
import type { DatabaseHealth } from "../../db/database-health.ts";
import { databaseUnavailable } from "../../errors/to-app-error.ts";
import type { AppEnv } from "../app-env.ts";

/**
 * While the database is known not to answer (db/database-health.ts), an API request is
 * answered 503 UNAVAILABLE at once instead of waiting for a connection that will not come;
 * it must run before anything that asks the database (rate limit, authentication).
 */
export function databaseBreaker(
  health: Pick<DatabaseHealth, "reachable"> | undefined,
): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    if (health && !health.reachable) throw databaseUnavailable();
    await next();
  };
}
