import {
  idParamsSchema,
  listNotificationsQuerySchema,
  notificationEnvelopeSchema,
  notificationPageSchema,
} from "@booking/contracts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { notificationsRouter } from "./notifications.trpc.ts";

const tag = "Notifications";

export const notificationsRoutes = [
  defineRestRoute({
    method: "get",
    path: "/notifications",
    operationId: "listNotifications",
    summary: "The e-mail outbox, newest first: pending, sent, failed (with the last error)",
    tag,
    query: listNotificationsQuerySchema,
    output: notificationPageSchema,
    successStatus: 200,
    procedure: notificationsRouter.list,
    handler: ({ call, input }) => call(notificationsRouter.list, input.query),
  }),
  defineRestRoute({
    method: "post",
    path: "/notifications/:id/retry",
    operationId: "retryNotification",
    summary: "Send a failed notification again (it goes back to pending, due now)",
    tag,
    params: idParamsSchema,
    output: notificationEnvelopeSchema,
    successStatus: 200,
    procedure: notificationsRouter.retry,
    handler: ({ call, input }) => call(notificationsRouter.retry, input.params),
  }),
];
