import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../../navigation/admin-route.ts";
import { validateStatisticsSearch } from "./statistics-search.ts";

const parent = { getParentRoute: () => adminRoute };

/** The routes of this admin page; each page is a chunk of its own. */
export const statisticsRoutes = [
  createRoute({
    ...parent,
    path: "/statistics",
    validateSearch: validateStatisticsSearch,
    component: lazyRouteComponent(() => import("./statistics-page.tsx"), "StatisticsPage"),
  }),
] as const;
