import type { RestRoute } from "../rest-route.ts";
import { systemRoutes } from "./system.routes.ts";

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their schemas; each is checked where it is defined.
export const restRoutes: RestRoute<any, any, any>[] = [...systemRoutes];
