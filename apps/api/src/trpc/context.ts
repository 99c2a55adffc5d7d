import type { AppDependencies } from "../app-dependencies.ts";
import type { Logger } from "../observability/logger.ts";

export interface TrpcContext {
  deps: AppDependencies;
  requestId: string;
  logger: Logger;
  now: () => Date;
}
