import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import { createTrpcContext } from "../trpc/context.ts";
import type { AppDependencies } from "./app-dependencies.ts";
import { appRouter } from "./app-router.ts";

export function trpcRoutes(deps: AppDependencies): Hono<AppEnv> {
  return new Hono<AppEnv>().all("/trpc/*", (c) =>
    fetchRequestHandler({
      endpoint: "/trpc",
      req: c.req.raw,
      router: appRouter,
      createContext: ({ resHeaders }) =>
        createTrpcContext(c, deps, (cookie) => resHeaders.append("Set-Cookie", cookie)),
    }),
  );
}
