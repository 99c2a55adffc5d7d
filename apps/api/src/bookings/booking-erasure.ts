import { bookingExists, type ExistingBooking } from "@booking/domain";
import { ERASED } from "@booking/eventstore";
import { type Expression, type SqlBool, sql } from "kysely";
import type { AppDependencies } from "../context/app-dependencies.ts";
import { AppError } from "../errors/app-error.ts";
import { revokeFeedsOf } from "../feeds/feeds.service.ts";
import { redactNotifications } from "../notifications/notification-erasure.ts";
import { loadBooking } from "./booking-stream.ts";

/**
 * Crypto-shredding makes the events unreadable, but a booking's personal fields also live
 * in copies outside the log: the read model's row (`bookings.data`, the fold of the events
 * while they were readable) and the answers stored for an Idempotency-Key (`response`: the
 * booking as its requester saw it, a guest's manage token included). Erasure rewrites the
 * one from the events and deletes the other.
 *
 * Every step here is idempotent and safe to run again: a crash in the middle of an erasure
 * is finished by running it once more (the next DELETE of a guest's data, or for members,
 * whose account cannot call again, the `finish-erasures` job: `finishErasures`).
 */

/** The booking's row rewritten from its events, as they read now; undefined if none. */
export async function rewriteFromEvents(
  deps: Pick<AppDependencies, "database" | "eventStore">,
  bookingId: string,
): Promise<{ state: ExistingBooking; version: number } | undefined> {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const { state, version } = await loadBooking(deps.eventStore, bookingId);
    if (!bookingExists(state)) return undefined;
    // Only over the row of that same version: a later event has already written its own
    // fold, which an older one must not replace (status, dates, price would go back).
    const { numUpdatedRows } = await deps.database.db
      .updateTable("bookings")
      .set({ data: state })
      .where("id", "=", bookingId)
      .where("version", "=", version)
      .executeTakeFirst();
    if (numUpdatedRows > 0n) return { state, version };
  }
  throw new AppError("CONCURRENCY_CONFLICT", "The booking changed meanwhile; try again.");
}

/** Deletes the stored answers of these scopes, and any whose booking is one of these. */
export async function forgetStoredResponses(
  deps: Pick<AppDependencies, "database">,
  of: { scopes: readonly string[]; bookingIds: readonly string[] },
): Promise<number> {
  const { scopes, bookingIds } = of;
  const { numDeletedRows } = await deps.database.db
    .deleteFrom("idempotency_keys")
    .where((eb) => {
      const matches: Expression<SqlBool>[] = [];
      if (scopes.length > 0) matches.push(eb("scope", "in", scopes));
      if (bookingIds.length > 0)
        matches.push(eb(sql<string>`response -> 'booking' ->> 'id'`, "in", bookingIds));
      return matches.length > 0 ? eb.or(matches) : sql<SqlBool>`false`;
    })
    .executeTakeFirst();
  return Number(numDeletedRows);
}

/**
 * After a member's key is destroyed: every booking they made is rewritten from its events
 * (notes, answers and reasons now read "[erased]"; status, dates, price, guests and
 * resources stay, for statistics), every stored answer of theirs is deleted (their own
 * scope `user:<id>`, and any other holding one of their bookings), and the outbox forgets
 * their address and every mail's text to or about them (notifications/notification-erasure.ts),
 * and their calendar feeds are revoked.
 */
export async function eraseBookerCopies(
  deps: Pick<AppDependencies, "database" | "eventStore" | "config">,
  userId: string,
): Promise<void> {
  const bookings = await deps.database.db
    .selectFrom("bookings")
    .select("id")
    .where("user_id", "=", userId)
    .execute();
  const bookingIds = bookings.map((booking) => booking.id);
  await forgetStoredResponses(deps, { scopes: [`user:${userId}`], bookingIds });
  for (const bookingId of bookingIds) await rewriteFromEvents(deps, bookingId);
  await redactNotifications(deps, { userId, bookingIds });
  await revokeFeedsOf(deps.database.db, userId);
}

/**
 * Finishes erasures a crash interrupted. An erased account (`users.status`) is the durable
 * sign that its person asked: whoever still has a booking row with notes, answers or a
 * reason in clear, or a stored answer, gets the whole erasure again (the key destroyed,
 * which changes nothing if it is gone, then the copies). With `everyErasedUser` (a
 * process's first round) every erased person's key is destroyed again too, for a crash
 * between the account's erasure and the key's. Returns how many people it finished.
 */
export async function finishErasures(
  deps: Pick<AppDependencies, "database" | "eventStore" | "config">,
  options: { everyErasedUser: boolean },
): Promise<number> {
  if (options.everyErasedUser) {
    const erased = await deps.database.db
      .selectFrom("users")
      .select("id")
      .where("status", "=", "erased")
      .execute();
    for (const { id } of erased) await deps.eventStore.eraseSubject(id);
  }
  const unfinished = await erasedWithCopies(deps);
  for (const userId of unfinished) {
    await deps.eventStore.eraseSubject(userId);
    await eraseBookerCopies(deps, userId);
  }
  return unfinished.length;
}

/** Erased people of whom a booking row or a stored answer still says something. */
async function erasedWithCopies(deps: Pick<AppDependencies, "database">): Promise<string[]> {
  const { db } = deps.database;
  const inClear = (field: string) =>
    sql<SqlBool>`coalesce(bookings.data ->> ${field}, '') NOT IN ('', ${ERASED})`;
  const rows = await db
    .selectFrom("bookings")
    .innerJoin("users", "users.id", "bookings.user_id")
    .select("users.id")
    .where("users.status", "=", "erased")
    .where((eb) =>
      eb.or([
        inClear("notes"),
        inClear("reason"),
        sql<SqlBool>`jsonb_typeof(bookings.data -> 'answers') = 'object'
          AND bookings.data -> 'answers' <> '{}'::jsonb`,
      ]),
    )
    .union(
      db
        .selectFrom("idempotency_keys")
        .innerJoin("users", (join) =>
          join.on(sql<SqlBool>`idempotency_keys.scope = 'user:' || users.id::text`),
        )
        .select("users.id")
        .where("users.status", "=", "erased"),
    )
    .union(
      db
        .selectFrom("idempotency_keys")
        .innerJoin("bookings", (join) =>
          join.on(
            sql<SqlBool>`idempotency_keys.response -> 'booking' ->> 'id' = bookings.id::text`,
          ),
        )
        .innerJoin("users", "users.id", "bookings.user_id")
        .select("users.id")
        .where("users.status", "=", "erased"),
    )
    .union(
      db
        .selectFrom("notifications")
        .innerJoin("users", "users.id", "notifications.user_id")
        .select("users.id")
        .where("users.status", "=", "erased")
        .where((eb) =>
          eb.or([
            eb("notifications.recipient", "is not", null),
            eb("notifications.message", "is not", null),
          ]),
        ),
    )
    .union(
      db
        .selectFrom("calendar_feeds")
        .innerJoin("users", "users.id", "calendar_feeds.user_id")
        .select("users.id")
        .where("users.status", "=", "erased")
        .where("calendar_feeds.revoked_at", "is", null),
    )
    .limit(100)
    .execute();
  return rows.map((row) => row.id);
}
