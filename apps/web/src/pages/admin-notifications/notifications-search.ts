import type { NotificationDto } from "@booking/contracts";

/** The e-mail log's search params, checked: a bad value is dropped, not trusted. */
export interface NotificationsSearch {
  /** Only the e-mails of this status; absent: all. */
  status?: NotificationDto["status"];
}

// Every status, checked against the contract's by the type; a plain object rather than the
// contract's zod schema, because this check runs in everyone's first load (the routes).
const statuses = { pending: true, sent: true, failed: true, cancelled: true } satisfies Record<
  NotificationDto["status"],
  true
>;

function isStatus(value: unknown): value is NotificationDto["status"] {
  return typeof value === "string" && Object.hasOwn(statuses, value);
}

export function validateNotificationsSearch(search: Record<string, unknown>): NotificationsSearch {
  return isStatus(search.status) ? { status: search.status } : {};
}
