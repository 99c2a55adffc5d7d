import type { Logger } from "../observability/logger.ts";

/** Per-request values every handler can read from the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
  };
}
