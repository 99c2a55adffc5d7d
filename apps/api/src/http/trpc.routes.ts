import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import type { AppDependencies } from "../app-dependencies.ts";
import { appRouter } from "../trpc/app-router.ts";
import { createTrpcContext } from "../trpc/context.ts";
import type { AppEnv } from "./app-env.ts";

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
