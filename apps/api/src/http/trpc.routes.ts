import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import type { AppDependencies } from "../context/app-dependencies.ts";
import { createTrpcContext } from "../trpc/context.ts";
import type { AppEnv } from "./app-env.ts";

/** Serves a tRPC router at /trpc with the same context as the REST routes. */
export function trpcRoutes(deps: AppDependencies, router: AnyTRPCRouter): Hono<AppEnv> {
  return new Hono<AppEnv>().all("/trpc/*", (c) =>
    fetchRequestHandler({
      endpoint: "/trpc",
      req: c.req.raw,
      router,
      createContext: ({ resHeaders }) =>
        createTrpcContext(c, deps, (cookie) => resHeaders.append("Set-Cookie", cookie)),
    }),
  );
}
