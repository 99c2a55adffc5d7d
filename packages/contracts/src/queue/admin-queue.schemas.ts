import { z } from "zod";
import { bookingSchema } from "../bookings/booking.schemas.ts";
import { userSchema } from "../users/user.schemas.ts";

/** GET /queue: how many of each wait, and the first of them. */
export const adminQueueQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(20) })
  .strict();

const waiting = <T extends z.ZodType>(item: T) =>
  z.object({ count: z.number().int().min(0), items: z.array(item) });

/** What waits for an admin's decision, oldest first (a request, a registration). */
export const adminQueueSchema = z
  .object({ pendingBookings: waiting(bookingSchema), pendingUsers: waiting(userSchema) })
  .meta({ id: "AdminQueue" });
export type AdminQueue = z.infer<typeof adminQueueSchema>;
