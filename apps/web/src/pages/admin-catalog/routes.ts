import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../../navigation/admin-route.ts";

const parent = { getParentRoute: () => adminRoute };

/** The catalog editor's routes; each page is a chunk of its own. */
export const catalogRoutes = [
  createRoute({
    ...parent,
    path: "/catalog",
    component: lazyRouteComponent(() => import("./catalog-page.tsx"), "CatalogPage"),
  }),
  createRoute({
    ...parent,
    path: "/catalog/venues/new",
    component: lazyRouteComponent(() => import("./new-venue-page.tsx"), "NewVenuePage"),
  }),
  createRoute({
    ...parent,
    path: "/catalog/venues/$venueId",
    component: lazyRouteComponent(() => import("./venue-page.tsx"), "VenuePage"),
  }),
  createRoute({
    ...parent,
    path: "/catalog/venues/$venueId/offerings/new",
    component: lazyRouteComponent(() => import("./offering-page.tsx"), "NewOfferingPage"),
  }),
  createRoute({
    ...parent,
    path: "/catalog/venues/$venueId/offerings/$offeringId",
    component: lazyRouteComponent(() => import("./offering-page.tsx"), "OfferingPage"),
  }),
] as const;
