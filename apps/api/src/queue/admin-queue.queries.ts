import type { AdminQueue } from "@booking/contracts";
import { toBookingDto } from "../bookings/booking-dto.ts";
import type { AppContext } from "../context/app-context.ts";
import { toUser } from "../users/user-read-model.ts";

/**
 * What waits for an admin: pending booking requests and pending registrations, each
 * counted and listed oldest first (the one waiting longest is decided first). Both come
 * from inline read models, so an admin's own decision shows at once; partial and status
 * indexes keep this a handful of index reads however many bookings there are.
 */
export async function adminQueue(ctx: AppContext, query: { limit: number }): Promise<AdminQueue> {
  const { db } = ctx.deps.database;
  const [bookingCount, bookings, userCount, users] = await Promise.all([
    db
      .selectFrom("bookings")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("bookings")
      .select(["data", "version"])
      .where("status", "=", "pending")
      .orderBy("created_at")
      .orderBy("id")
      .limit(query.limit)
      .execute(),
    db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("users")
      .selectAll()
      .where("status", "=", "pending")
      .orderBy("created_at")
      .orderBy("id")
      .limit(query.limit)
      .execute(),
  ]);
  return {
    pendingBookings: {
      count: Number(bookingCount.n),
      items: bookings.map((row) => toBookingDto(row.data, row.version)),
    },
    pendingUsers: { count: Number(userCount.n), items: users.map(toUser) },
  };
}
