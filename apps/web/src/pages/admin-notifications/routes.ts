import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../../navigation/admin-route.ts";
import { validateNotificationsSearch } from "./notifications-search.ts";

const parent = { getParentRoute: () => adminRoute };

/** The routes of this admin page; each page is a chunk of its own. */
export const notificationsRoutes = [
  createRoute({
    ...parent,
    path: "/notifications",
    validateSearch: validateNotificationsSearch,
    component: lazyRouteComponent(() => import("./notifications-page.tsx"), "NotificationsPage"),
  }),
] as const;
