import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../../navigation/admin-route.ts";

const parent = { getParentRoute: () => adminRoute };

/** The routes of this admin page; each page is a chunk of its own. */
export const catalogRoutes = [
  createRoute({
    ...parent,
    path: "/catalog",
    component: lazyRouteComponent(() => import("./catalog-page.tsx"), "CatalogPage"),
  }),
] as const;
