import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../../navigation/admin-route.ts";
import { validateAdminBookingsSearch } from "./bookings-search.ts";

const parent = { getParentRoute: () => adminRoute };

/** The routes of this admin page; each page is a chunk of its own. */
export const adminBookingsRoutes = [
  createRoute({
    ...parent,
    path: "/bookings",
    // The filters live in the address: a reload keeps them, a link shares them.
    validateSearch: validateAdminBookingsSearch,
    component: lazyRouteComponent(() => import("./bookings-page.tsx"), "AdminBookingsPage"),
  }),
  createRoute({
    ...parent,
    path: "/bookings/$bookingId",
    component: lazyRouteComponent(() => import("./booking-page.tsx"), "AdminBookingPage"),
  }),
] as const;
