import { createRoute, createRouter, lazyRouteComponent } from "@tanstack/react-router";
import { usersRoutes } from "../pages/admin/routes.ts";
import { adminBookingsRoutes } from "../pages/admin-bookings/routes.ts";
import { calendarRoutes } from "../pages/admin-calendar/routes.ts";
import { catalogRoutes } from "../pages/admin-catalog/routes.ts";
import { notificationsRoutes } from "../pages/admin-notifications/routes.ts";
import { queueRoutes } from "../pages/admin-queue/routes.ts";
import { statisticsRoutes } from "../pages/admin-statistics/routes.ts";
import { HomePage } from "../pages/home-page.tsx";
import { OfferingPage } from "../pages/venues/offering-page.tsx";
import { VenuePage } from "../pages/venues/venue-page.tsx";
import { VenuesPage } from "../pages/venues/venues-page.tsx";
import { adminRoute } from "./admin-route.ts";
import { parsePlainSearch, stringifyPlainSearch } from "./plain-search.ts";
import { rootRoute } from "./root-route.ts";
import { validateLoginSearch, validateVenueSearch } from "./search-params.ts";

// Paths are literals in each call: that is what makes links and params typed.
const parent = { getParentRoute: () => rootRoute };

const routeTree = rootRoute.addChildren([
  createRoute({ ...parent, path: "/", component: HomePage }),
  // Pages besides finding and booking load as chunks of their own: a phone that opens a
  // venue's link downloads only what that page needs.
  createRoute({
    ...parent,
    path: "/status",
    component: lazyRouteComponent(() => import("../pages/status/status-page.tsx"), "StatusPage"),
  }),
  createRoute({
    ...parent,
    path: "/login",
    component: lazyRouteComponent(() => import("../pages/login-page.tsx"), "LoginPage"),
    validateSearch: validateLoginSearch,
  }),
  createRoute({
    ...parent,
    path: "/register",
    component: lazyRouteComponent(() => import("../pages/register-page.tsx"), "RegisterPage"),
  }),
  createRoute({
    ...parent,
    path: "/account",
    component: lazyRouteComponent(() => import("../pages/account/account-page.tsx"), "AccountPage"),
  }),
  createRoute({
    ...parent,
    path: "/goodbye",
    component: lazyRouteComponent(() => import("../pages/goodbye-page.tsx"), "GoodbyePage"),
  }),
  adminRoute.addChildren([
    ...queueRoutes,
    ...adminBookingsRoutes,
    ...calendarRoutes,
    ...catalogRoutes,
    ...statisticsRoutes,
    ...notificationsRoutes,
    ...usersRoutes,
  ]),
  createRoute({
    ...parent,
    path: "/venues",
    component: VenuesPage,
    validateSearch: validateVenueSearch,
  }),
  createRoute({ ...parent, path: "/venues/$venueId", component: VenuePage }),
  createRoute({
    ...parent,
    path: "/venues/$venueId/offerings/$offeringId",
    component: OfferingPage,
  }),
  // Bookings and a guest's manage link: chunks of their own, like the admin pages.
  createRoute({
    ...parent,
    path: "/bookings",
    component: lazyRouteComponent(
      () => import("../pages/my-bookings/my-bookings-page.tsx"),
      "MyBookingsPage",
    ),
  }),
  createRoute({
    ...parent,
    path: "/bookings/$bookingId",
    component: lazyRouteComponent(
      () => import("../pages/my-bookings/booking-page.tsx"),
      "BookingPage",
    ),
  }),
  createRoute({
    ...parent,
    path: "/manage/$token",
    component: lazyRouteComponent(() => import("../pages/manage/manage-page.tsx"), "ManagePage"),
  }),
]);

export const router = createRouter({
  routeTree,
  parseSearch: parsePlainSearch,
  stringifySearch: stringifyPlainSearch,
  // Another venue (other path params) starts its page fresh, as a page load would; a new
  // search on /venues keeps the page, so the field keeps its focus.
  defaultRemountDeps: ({ params }) => params,
  // Hovering a link to the admin pages already fetches their chunk.
  defaultPreload: "intent",
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
