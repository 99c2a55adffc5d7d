import type { User } from "@booking/contracts";
import type { AppContext } from "../context/app-context.ts";
import { toUser } from "../users/user-read-model.ts";

/**
 * The users a booking names (its booker, whoever acted in its history), for staff reading
 * bookings: a booking carries only a member's id. Unknown ids are left out; erased people
 * read as "erased", as everywhere.
 */
export async function bookingPeople(
  ctx: AppContext,
  userIds: readonly string[],
): Promise<{ items: User[] }> {
  const rows = await ctx.deps.database.db
    .selectFrom("users")
    .selectAll()
    .where("id", "in", [...new Set(userIds)])
    .orderBy("id")
    .execute();
  return { items: rows.map(toUser) };
}
