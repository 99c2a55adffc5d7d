import { bookingsRoutes } from "../bookings/bookings.rest.ts";
import { catalogRoutes } from "../catalog/catalog.rest.ts";
import type { RestRoute } from "../rest/rest-route.ts";
import { systemRoutes } from "../system/system.rest.ts";
import { authRoutes } from "../users/auth.rest.ts";
import { meRoutes } from "../users/me.rest.ts";
import { usersRoutes } from "../users/users.rest.ts";

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their schemas; each is checked where it is defined.
export const restRoutes: RestRoute<any, any, any>[] = [
  ...systemRoutes,
  ...authRoutes,
  ...meRoutes,
  ...usersRoutes,
  ...catalogRoutes,
  ...bookingsRoutes,
];
