import { Hono } from "hono";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { AppEnv } from "../http/app-env.ts";
import { checkReadiness } from "./readiness.ts";

/** Probes for process managers, load balancers and Prometheus (outside /api/v1). */
export function operationsRoutes(deps: AppDependencies): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/health", (c) => c.json({ status: "ok" }))
    .get("/ready", async (c) => {
      const readiness = await checkReadiness(deps.database, deps.projections);
      if (readiness.status !== "ready") c.header("Retry-After", "5");
      return c.json(readiness, readiness.status === "ready" ? 200 : 503);
    })
    .get("/metrics", async (c) => {
      const body = await deps.metrics.registry.metrics();
      return c.body(body, 200, { "Content-Type": deps.metrics.registry.contentType });
    });
}
