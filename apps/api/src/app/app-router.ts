import { backupFeature } from "../backup/backup.feature.ts";
import { bookingsFeature } from "../bookings/bookings.feature.ts";
import { calendarFeature } from "../calendar/calendar.feature.ts";
import { catalogFeature } from "../catalog/catalog.feature.ts";
import { feedsFeature } from "../feeds/feeds.feature.ts";
import { notificationsFeature } from "../notifications/notifications.feature.ts";
import { queueFeature } from "../queue/queue.feature.ts";
import { statisticsFeature } from "../statistics/statistics.feature.ts";
import { systemFeature } from "../system/system.feature.ts";
import { router } from "../trpc/trpc.ts";
import { usersFeature } from "../users/users.feature.ts";
import { proceduresOf } from "./feature.ts";

/** Every feature of the application, one line each; the rest is derived from this list. */
export const features = [
  systemFeature,
  usersFeature,
  catalogFeature,
  bookingsFeature,
  statisticsFeature,
  calendarFeature,
  queueFeature,
  feedsFeature,
  notificationsFeature,
  backupFeature,
] as const;

export const appRouter = router(proceduresOf(features));

export type AppRouter = typeof appRouter;

export const restRoutes = features.flatMap((feature) => feature.restRoutes);
