import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "./root-route.ts";

/**
 * `/admin` and everything under it. Few people administer: the frame and every admin page
 * load as chunks of their own, not with everyone's first load. Each admin feature folder
 * declares its own routes under this one (`pages/admin-*\/routes.ts`).
 */
export const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin",
  component: lazyRouteComponent(() => import("../pages/admin/admin-layout.tsx"), "AdminLayout"),
});
