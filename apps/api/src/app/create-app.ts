import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { AppDependencies } from "../context/app-dependencies.ts";
import { AppError } from "../errors/app-error.ts";
import { errorResponse } from "../errors/error-response.ts";
import { toAppError } from "../errors/to-app-error.ts";
import type { AppEnv } from "../http/app-env.ts";
import { authentication } from "../http/middleware/authentication.ts";
import { databaseBreaker } from "../http/middleware/database-breaker.ts";
import { generalRateLimit } from "../http/middleware/rate-limit.ts";
import { requestContext } from "../http/middleware/request-context.ts";
import { limitBodySize, securityHeaders } from "../http/middleware/security.ts";
import { trpcRoutes } from "../http/trpc.routes.ts";
import { trpcErrorBody } from "../http/trpc-error-body.ts";
import { webAppRoutes } from "../http/web-app.routes.ts";
import { restApiRoutes } from "../rest/rest-api.routes.ts";
import type { RestRoute } from "../rest/rest-route.ts";
import { operationsRoutes } from "../system/operations.http.ts";
import { appRouter, restRoutes } from "./app-router.ts";
import { publicPageData } from "./public-page-data.ts";

/** The whole HTTP surface: operations probes, REST + OpenAPI, tRPC and the web app. */
export function createApp(
  deps: AppDependencies,
  // biome-ignore lint/suspicious/noExplicitAny: routes differ in their schemas; each is checked where it is defined.
  routes: RestRoute<any, any, any>[] = restRoutes,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(requestContext(deps.logger, deps.metrics, deps.config.trustProxy));
  app.use(securityHeaders);
  app.use(limitBodySize);
  for (const path of ["/api/*", "/trpc/*"]) {
    app.use(path, databaseBreaker(deps.database.health));
    app.use(path, generalRateLimit(deps.rateLimiter, deps.config.rateLimitPerMinute));
    app.use(path, authentication(deps));
  }

  app.route("/", operationsRoutes(deps));
  app.route("/", restApiRoutes(deps, routes));
  app.route("/", trpcRoutes(deps, appRouter));
  app.route(
    "/",
    webAppRoutes(deps.webRoot, (c) => publicPageData(c, deps)),
  );

  app.notFound((c) => {
    const notFound = new AppError("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}.`);
    const { status, body } = errorResponse(notFound, c.var.requestId);
    return c.json(body, status as 404);
  });
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") {
      (c.var.logger ?? deps.logger).error({ err: error }, "unexpected error");
    }
    const { status, headers, body } = errorResponse(appError, c.var.requestId);
    if (c.req.path.startsWith("/trpc/")) {
      const batch = c.req.query("batch") === "1";
      return c.json(
        trpcErrorBody(appError, c.var.requestId, c.req.path, batch) as object,
        status as 500,
        headers,
      );
    }
    return c.json(body, status as 500, headers);
  });
  return app;
}
