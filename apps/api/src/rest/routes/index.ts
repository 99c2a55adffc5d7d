import type { RestRoute } from "../rest-route.ts";
import { authRoutes } from "./auth.routes.ts";
import { bookingsRoutes } from "./bookings.routes.ts";
import { catalogRoutes } from "./catalog.routes.ts";
import { meRoutes } from "./me.routes.ts";
import { systemRoutes } from "./system.routes.ts";
import { usersRoutes } from "./users.routes.ts";

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their schemas; each is checked where it is defined.
export const restRoutes: RestRoute<any, any, any>[] = [
  ...systemRoutes,
  ...authRoutes,
  ...meRoutes,
  ...usersRoutes,
  ...catalogRoutes,
  ...bookingsRoutes,
];
