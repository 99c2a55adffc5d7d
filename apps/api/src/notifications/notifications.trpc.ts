import {
  idParamsSchema,
  listNotificationsQuerySchema,
  notificationEnvelopeSchema,
  notificationPageSchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { procedure } from "../trpc/trpc.ts";
import { listNotifications, retryNotification } from "./notifications.queries.ts";

/** The outbox, for admins: what was sent, what waits, what failed and why; retry. */
export const notificationsRouter = {
  list: procedure("admin")
    .input(listNotificationsQuerySchema)
    .output(notificationPageSchema)
    .query(({ ctx, input }) => listNotifications(ctx, input)),
  retry: procedure("admin")
    .input(idParamsSchema)
    .output(notificationEnvelopeSchema)
    .mutation(async ({ ctx, input }) => ({
      notification: await retryNotification(ctx, input.id),
    })),
} satisfies TRPCRouterRecord;
