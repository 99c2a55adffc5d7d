import type { AnyTRPCProcedure } from "@trpc/server";
import { Hono } from "hono";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { AppEnv } from "../http/app-env.ts";
import { authorize } from "../identity/access.ts";
import { createTrpcContext, type TrpcContext } from "../trpc/context.ts";
import { accessOf, createCallerFactory, router } from "../trpc/trpc.ts";
import { renderDocsPage } from "./docs-page.ts";
import { buildOpenApiDocument } from "./openapi-document.ts";
import { readJsonBody } from "./read-json-body.ts";
import type { CallProcedure, FileAnswer, RestRoute } from "./rest-route.ts";

export const restBasePath = "/api/v1";

/** Mounts every REST route; each validates its input and calls its tRPC procedure. */
export function restApiRoutes(
  deps: AppDependencies,
  // biome-ignore lint/suspicious/noExplicitAny: routes differ in their schemas; each is checked where it is defined.
  routes: RestRoute<any, any, any>[],
): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  for (const route of routes) {
    const access = accessOf(route.procedure);
    api.on(route.method.toUpperCase(), `${restBasePath}${honoPath(route.path)}`, async (c) => {
      // Who may call comes first, as on tRPC: a caller who may not call the operation
      // learns nothing about its input rules, and an oversized body is not even read.
      authorize(access, c.var.principal);
      const input = await parseInput(route, {
        params: withoutSuffixes(route.path, c.req.param()),
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
      const result = await route.handler({ call: callerOf(route, ctx), input, header });
      if (route.successStatus === 204) return c.body(null, 204);
      if (route.file) {
        const answer = result as FileAnswer;
        if ("notModified" in answer) return c.body(null, 304, answer.headers);
        return c.body(answer.content, 200, {
          "Content-Type": `${route.file.mediaType}; charset=utf-8`,
          ...(answer.filename
            ? { "Content-Disposition": `attachment; filename="${answer.filename}"` }
            : {}),
          ...answer.headers,
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

/**
 * A parameter with a literal suffix, `/feeds/:token.ics` (OpenAPI: `/feeds/{token}.ics`):
 * Hono reads `:token.ics` as a parameter named "token.ics", so it is mounted as a pattern
 * that requires the suffix, which `withoutSuffixes` takes off the value again.
 */
const suffixedParameter = /:(\w+)\.(\w+)(?=\/|$)/g;

function honoPath(path: string): string {
  return path.replace(suffixedParameter, (_, name: string, suffix: string) => {
    return `:${name}{[^/]+\\.${suffix}}`;
  });
}

function withoutSuffixes(path: string, params: Record<string, string>): Record<string, string> {
  const values = { ...params };
  for (const [, name = "", suffix = ""] of path.matchAll(suffixedParameter)) {
    const value = values[name];
    if (value !== undefined) values[name] = value.slice(0, -(suffix.length + 1));
  }
  return values;
}

/**
 * Calls a procedure as tRPC would (middleware, access check, schemas), but only the ones
 * the route declares: a REST route cannot reach a procedure with another declaration.
 */
function callerOf(route: RestRoute, ctx: TrpcContext): CallProcedure {
  const allowed = [route.procedure, ...(route.alsoCalls ?? [])];
  return ((procedure: AnyTRPCProcedure, input: unknown) => {
    if (!allowed.includes(procedure)) {
      throw new Error(`${route.operationId} calls a procedure it does not declare`);
    }
    return callerFactoryOf(procedure)(ctx).procedure(input);
  }) as CallProcedure;
}

const callerFactories = new WeakMap<AnyTRPCProcedure, ReturnType<typeof singleCallerFactory>>();

function singleCallerFactory(procedure: AnyTRPCProcedure) {
  return createCallerFactory(router({ procedure }));
}

function callerFactoryOf(procedure: AnyTRPCProcedure) {
  let factory = callerFactories.get(procedure);
  if (!factory) {
    factory = singleCallerFactory(procedure);
    callerFactories.set(procedure, factory);
  }
  return factory;
}

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their schemas; each is checked where it is defined.
async function parseInput(route: RestRoute<any, any, any>, raw: Record<string, unknown>) {
  return {
    params: route.params ? await route.params.parseAsync(raw.params) : undefined,
    query: route.query ? await route.query.parseAsync(raw.query) : undefined,
    body: route.body
      ? await (route.bodyFor?.(raw.body) ?? route.body).parseAsync(raw.body)
      : undefined,
  };
}
