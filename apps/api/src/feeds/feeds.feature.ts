import { defineFeature } from "../app/feature.ts";
import { feedsRoutes } from "./feeds.rest.ts";
import { feedsRouter } from "./feeds.trpc.ts";

/** Private iCalendar subscriptions: one's own bookings, or (admins) a venue's. */
export const feedsFeature = defineFeature({
  name: "feeds",
  procedures: { feeds: feedsRouter },
  restRoutes: feedsRoutes,
});
