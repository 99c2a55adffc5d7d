import { type NotificationDto, notificationStatusSchema } from "@booking/contracts";

/** The e-mail log's search params, checked: a bad value is dropped, not trusted. */
export interface NotificationsSearch {
  /** Only the e-mails of this status; absent: all. */
  status?: NotificationDto["status"];
}

export function validateNotificationsSearch(search: Record<string, unknown>): NotificationsSearch {
  const status = notificationStatusSchema.safeParse(search.status);
  return status.success ? { status: status.data } : {};
}
