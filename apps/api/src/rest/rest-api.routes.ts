import { Hono } from "hono";
import type { AppDependencies } from "../app/app-dependencies.ts";
import { createCaller } from "../app/app-router.ts";
import { restRoutes } from "../app/rest-routes.ts";
import type { AppEnv } from "../http/app-env.ts";
import { createTrpcContext } from "../trpc/context.ts";
import { renderDocsPage } from "./docs-page.ts";
import { buildOpenApiDocument } from "./openapi-document.ts";
import { readJsonBody } from "./read-json-body.ts";
import type { RestRoute } from "./rest-route.ts";

export const restBasePath = "/api/v1";

/** Mounts every REST route; each validates its input and calls its tRPC procedure. */
export function restApiRoutes(
  deps: AppDependencies,
  // biome-ignore lint/suspicious/noExplicitAny: see routes/index.ts
  routes: RestRoute<any, any, any>[] = restRoutes,
): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  for (const route of routes) {
    api.on(route.method.toUpperCase(), `${restBasePath}${route.path}`, async (c) => {
      const input = await parseInput(route, {
        params: c.req.param(),
        query: c.req.query(),
        body: route.body ? await readJsonBody(c) : undefined,
      });
      const ctx = createTrpcContext(c, deps, (cookie) =>
        c.header("Set-Cookie", cookie, { append: true }),
      );
      const header = (name: string) => c.req.header(name);
      if (route.direct) {
        const result = await route.direct({ ctx, input, header });
        if (result instanceof Uint8Array) {
          return c.body(result as Uint8Array<ArrayBuffer>, route.successStatus as 200, {
            "Content-Type": "application/json",
          });
        }
        return c.json(result as object, route.successStatus as 200);
      }
      const result = await route.handler({ caller: createCaller(ctx), input, header });
      if (route.successStatus === 204) return c.body(null, 204);
      if (route.file) {
        const { content, filename } = result as { content: string; filename: string };
        return c.body(content, 200, {
          "Content-Type": `${route.file.mediaType}; charset=utf-8`,
          "Content-Disposition": `attachment; filename="${filename}"`,
        });
      }
      return c.json(result as object, route.successStatus);
    });
  }
  const document = buildOpenApiDocument(routes, {
    basePath: restBasePath,
    version: deps.version,
  });
  const docsPage = renderDocsPage(document);
  api.get(`${restBasePath}/openapi.json`, (c) => c.json(document));
  api.get("/docs", (c) => c.html(docsPage));
  return api;
}

// biome-ignore lint/suspicious/noExplicitAny: see routes/index.ts
async function parseInput(route: RestRoute<any, any, any>, raw: Record<string, unknown>) {
  return {
    params: route.params ? await route.params.parseAsync(raw.params) : undefined,
    query: route.query ? await route.query.parseAsync(raw.query) : undefined,
    body: route.body
      ? await (route.bodyFor?.(raw.body) ?? route.body).parseAsync(raw.body)
      : undefined,
  };
}
