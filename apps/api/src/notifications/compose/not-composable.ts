/**
 * A notification that cannot become a mail, and never will: its recipient's address was
 * erased, its booking or account is gone, or the row names a booking version that does not
 * exist. Retrying does not help; the sender should give the notification up.
 */
export class NotificationNotComposableError extends Error {
  constructor(notificationId: string, why: string) {
    super(`Notification ${notificationId} cannot be composed: ${why}`);
    this.name = "NotificationNotComposableError";
  }
}
