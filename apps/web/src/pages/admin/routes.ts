import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../../navigation/admin-route.ts";

/** The users page: who may log in, and with which role. */
export const usersRoutes = [
  createRoute({
    getParentRoute: () => adminRoute,
    path: "/users",
    component: lazyRouteComponent(() => import("./users-page.tsx"), "UsersPage"),
  }),
] as const;
