import type { Principal } from "../identity/principal.ts";
import type { Logger } from "../observability/logger.ts";

/** Per-request values every handler can read from the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    clientAddress: string;
    /** Set for /api and /trpc requests by the authentication middleware. */
    principal: Principal;
    /** Whether the principal came from the session cookie (then CSRF rules apply). */
    viaCookie: boolean;
  };
}
