import { defineFeature } from "../app/feature.ts";
import { NOTIFICATIONS_SUBSCRIPTION, notificationsReactor } from "./notification.reactor.ts";
import { notificationsRoutes } from "./notifications.rest.ts";
import { notificationsRouter } from "./notifications.trpc.ts";
import { outboxWorker } from "./outbox-worker.ts";

export const notificationsFeature = defineFeature({
  name: "notifications",
  procedures: { notifications: notificationsRouter },
  restRoutes: notificationsRoutes,
  workers: (deps) => [notificationsReactor(deps), outboxWorker(deps)],
  reactors: [{ name: NOTIFICATIONS_SUBSCRIPTION, tables: ["notifications"] }],
});
