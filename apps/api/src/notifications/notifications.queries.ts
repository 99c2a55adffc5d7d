import type { NotificationDto } from "@booking/contracts";
import type { Selectable } from "kysely";
import type { AppContext } from "../context/app-context.ts";
import type { NotificationStatus, NotificationsTable } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";
import { type Page, type PageRequest, pageByCreation } from "../paging/page-by-creation.ts";

type NotificationRow = Selectable<NotificationsTable>;

const listed = [
  "id",
  "kind",
  "booking_id",
  "user_id",
  "recipient",
  "status",
  "attempts",
  "last_error",
  "created_at",
  "due_at",
  "sent_at",
] as const;

export function toNotificationDto(
  row: Pick<NotificationRow, (typeof listed)[number]>,
): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    ...(row.booking_id ? { bookingId: row.booking_id } : {}),
    ...(row.user_id ? { userId: row.user_id } : {}),
    to: row.recipient ?? "erased",
    status: row.status,
    attempts: row.attempts,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    createdAt: row.created_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    ...(row.sent_at ? { sentAt: row.sent_at.toISOString() } : {}),
  };
}

/** The outbox, newest first, optionally of one status. */
export function listNotifications(
  ctx: AppContext,
  query: PageRequest & { status?: NotificationStatus | undefined },
): Promise<Page<NotificationDto>> {
  let select = ctx.deps.database.db.selectFrom("notifications").select(listed);
  if (query.status !== undefined) select = select.where("status", "=", query.status);
  return pageByCreation(select, query, "newest first", toNotificationDto);
}

/**
 * A failed mail goes back to pending, due now, with a fresh series of attempts (back-off
 * and give-up count from here). Only failed ones: anything else is 409 with its status. A
 * mail whose recipient was erased cannot be sent again (there is nobody to send it to).
 */
export async function retryNotification(ctx: AppContext, id: string): Promise<NotificationDto> {
  const { db } = ctx.deps.database;
  const row = await db
    .updateTable("notifications")
    .set((eb) => ({
      status: "pending",
      next_attempt_at: ctx.now(),
      attempts_at_requeue: eb.ref("attempts"),
      updated_at: ctx.now(),
    }))
    .where("id", "=", id)
    .where("status", "=", "failed")
    .where("recipient", "is not", null)
    .returning(listed)
    .executeTakeFirst();
  if (row) {
    ctx.logger.info({ notification: id }, "failed notification requeued");
    return toNotificationDto(row);
  }
  const current = await db
    .selectFrom("notifications")
    .select(["status", "recipient"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!current) throw new AppError("NOT_FOUND", "No such notification.");
  throw new AppError(
    "INVALID_STATE",
    current.recipient === null
      ? "The recipient's personal data was erased; this mail cannot be sent again."
      : `Only a failed notification can be retried; this one is ${current.status}.`,
    { details: { status: current.status } },
  );
}
