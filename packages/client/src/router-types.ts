import type { AppRouter } from "@booking/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** `RouterOutputs["system"]["status"]` is what `client.system.status.query()` resolves to. */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
