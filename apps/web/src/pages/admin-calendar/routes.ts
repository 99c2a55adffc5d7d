import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../../navigation/admin-route.ts";
import { validateCalendarSearch } from "./calendar-search.ts";

const parent = { getParentRoute: () => adminRoute };

/** The routes of this admin page; each page is a chunk of its own. */
export const calendarRoutes = [
  createRoute({
    ...parent,
    path: "/calendar",
    validateSearch: validateCalendarSearch,
    component: lazyRouteComponent(() => import("./calendar-page.tsx"), "CalendarPage"),
  }),
] as const;
