import { randomBytes } from "node:crypto";
import type { Principal } from "../identity/principal.ts";
import type { Logger } from "../observability/logger.ts";
import type { AppDependencies } from "./app-dependencies.ts";

/**
 * What a use case needs to know about the call it serves, whoever makes it: a REST route, a
 * tRPC procedure, a job, the demo loader. It holds no transport object (no cookies, no
 * headers), so every caller can build one.
 */
export interface AppContext {
  deps: AppDependencies;
  /** Who acts: resolved once from the request's credentials, or the system. */
  principal: Principal;
  now: () => Date;
  /** Correlates the log lines and the events of one request. */
  requestId: string;
  logger: Logger;
  /** The client's address (rate limits, idempotency scope of anonymous callers). */
  clientAddress: string;
}

/** A context for work that no request started (demo data, jobs, tools). */
export function internalContext(
  deps: AppDependencies,
  principal: Principal,
  purpose: string,
): AppContext {
  return {
    deps,
    principal,
    now: () => new Date(),
    requestId: `${purpose}-${randomBytes(4).toString("hex")}`,
    logger: deps.logger,
    clientAddress: purpose,
  };
}
