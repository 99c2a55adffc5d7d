import type { Context } from "hono";
import type { AppContext } from "../context/app-context.ts";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { AppEnv } from "../http/app-env.ts";
import { isTls } from "../http/transport.ts";

/**
 * A procedure's context: the application context its use cases take, plus what only the
 * HTTP edge deals with (cookies). Procedures set cookies; use cases never see them.
 */
export interface TrpcContext extends AppContext {
  /** Whether the client reached us over TLS (directly or through a trusted proxy). */
  secureTransport: boolean;
  /** Adds a Set-Cookie header to the response, whichever surface (REST or tRPC) answers. */
  setCookie: (serialized: string) => void;
}

/** The same context for a REST route and a tRPC call of the same request. */
export function createTrpcContext(
  c: Context<AppEnv>,
  deps: AppDependencies,
  setCookie: (serialized: string) => void,
): TrpcContext {
  return {
    deps,
    requestId: c.var.requestId,
    logger: c.var.logger,
    now: () => new Date(),
    principal: c.var.principal,
    clientAddress: c.var.clientAddress,
    secureTransport: isTls(c.req.raw, deps.config.trustProxy),
    setCookie,
  };
}
