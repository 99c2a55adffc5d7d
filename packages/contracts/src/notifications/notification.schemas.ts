import { z } from "zod";
import { pageQuerySchema, pageSchema } from "../common/page.schema.ts";

export const notificationKindSchema = z.enum([
  "booking_requested",
  "booking_confirmed",
  "booking_rejected",
  "booking_cancelled",
  "booking_rescheduled",
  "booking_reminder",
  "account_approved",
]);

/**
 * `pending` waits for its due time or its next attempt, `sent` was accepted by the
 * transport, `failed` gave up (an admin may retry it), `cancelled` was not sent because it
 * no longer applied (a reminder of a cancelled or moved booking, or the recipient erased).
 */
export const notificationStatusSchema = z.enum(["pending", "sent", "failed", "cancelled"]);

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: notificationKindSchema,
    bookingId: z.uuid().optional(),
    userId: z.uuid().optional(),
    /** The recipient's address; "erased" once their personal data is erased. */
    to: z.string(),
    status: notificationStatusSchema,
    attempts: z.number().int(),
    lastError: z.string().optional(),
    createdAt: z.iso.datetime(),
    /** When it is (or was) due: a reminder's is 24 h before the booking's start. */
    dueAt: z.iso.datetime(),
    sentAt: z.iso.datetime().optional(),
  })
  .meta({ id: "Notification" });
export type NotificationDto = z.infer<typeof notificationSchema>;

/** GET /notifications: newest first, optionally of one status. */
export const listNotificationsQuerySchema = pageQuerySchema.extend({
  status: notificationStatusSchema.optional(),
});

export const notificationPageSchema = pageSchema(notificationSchema);
export const notificationEnvelopeSchema = z.object({ notification: notificationSchema });
