import { defineFeature } from "../app/feature.ts";
import { composeMessage } from "./compose/compose-message.ts";
import { createMailTransport } from "./delivery/mail-transport.ts";
import { createNotificationSender } from "./delivery/notification-sender.ts";
import {
  NOTIFICATIONS_DUE_CHANNEL,
  NOTIFICATIONS_SUBSCRIPTION,
  notificationsReactor,
} from "./notification.reactor.ts";
import { notificationsRoutes } from "./notifications.rest.ts";
import { notificationsRouter } from "./notifications.trpc.ts";

export const notificationsFeature = defineFeature({
  name: "notifications",
  procedures: { notifications: notificationsRouter },
  restRoutes: notificationsRoutes,
  workers: (deps) => [
    notificationsReactor(deps),
    createNotificationSender(deps, {
      transport: createMailTransport(deps.config, deps.logger),
      compose: (notification) => composeMessage(deps, notification),
      wakeChannel: NOTIFICATIONS_DUE_CHANNEL,
    }),
  ],
  reactors: [NOTIFICATIONS_SUBSCRIPTION],
});
