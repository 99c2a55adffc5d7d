import { rm } from "node:fs/promises";
import { join } from "node:path";
import { type SqlBool, sql } from "kysely";
import type { AppDependencies } from "../context/app-dependencies.ts";
import { outboxFileName } from "./delivery/file-transport.ts";

/**
 * Erasure's part in the outbox: every mail to the person (a member's, or a guest's of these
 * bookings) loses its address and its text, every mail about them (the requests staff
 * were sent) loses its text, and what was still waiting is cancelled. The `.eml` files of
 * those mails leave the outbox directory too. Idempotent: run again, it finds nothing.
 * Returns how many notifications it redacted.
 */
export async function redactNotifications(
  deps: Pick<AppDependencies, "database" | "config">,
  about: { userId: string | null; bookingIds: readonly string[] },
): Promise<number> {
  const { userId, bookingIds } = about;
  if (userId === null && bookingIds.length === 0) return 0;
  const toThePerson = sql<SqlBool>`(
    ${userId !== null ? sql`user_id = ${userId}` : sql`false`}
    OR (user_id IS NULL AND ${bookingIds.length > 0 ? sql`booking_id = ANY(${sql.val(bookingIds)}::uuid[])` : sql`false`}))`;
  const aboutThePerson = sql<SqlBool>`(
    ${userId !== null ? sql`user_id = ${userId}` : sql`false`}
    OR ${bookingIds.length > 0 ? sql`booking_id = ANY(${sql.val(bookingIds)}::uuid[])` : sql`false`})`;
  const redacted = await deps.database.db
    .updateTable("notifications")
    .set({
      recipient: sql`CASE WHEN ${toThePerson} THEN NULL ELSE recipient END`,
      message: null,
      status: sql`CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END`,
      updated_at: new Date(),
    })
    .where(aboutThePerson)
    .where((eb) =>
      eb.or([
        eb("message", "is not", null),
        eb("status", "=", "pending"),
        eb.and([toThePerson, eb("recipient", "is not", null)]),
      ]),
    )
    .returning("message_id")
    .execute();
  const outbox = join(deps.config.dataDir, "outbox");
  await Promise.all(
    redacted.map(({ message_id }) => rm(join(outbox, outboxFileName(message_id)), { force: true })),
  );
  return redacted.length;
}
