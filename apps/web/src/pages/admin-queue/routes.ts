import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../../navigation/admin-route.ts";

const parent = { getParentRoute: () => adminRoute };

/** The routes of this admin page; each page is a chunk of its own. */
export const queueRoutes = [
  createRoute({
    ...parent,
    path: "/",
    component: lazyRouteComponent(() => import("./queue-page.tsx"), "QueuePage"),
  }),
] as const;
