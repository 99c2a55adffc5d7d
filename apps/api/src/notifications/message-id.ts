import type { NotificationKind } from "@booking/domain";

/**
 * A notification's Message-ID: the kind, the event that owes it and the recipient's
 * account (or "guest"), so the same event can never owe the same person two different
 * mails, and a retry of one carries the same id. No address goes into it. The domain is
 * the sender's (MAIL_FROM), as RFC 5322 suggests.
 */
export function notificationMessageId(
  kind: NotificationKind,
  eventId: string,
  recipientUserId: string | null,
  mailFrom: string,
): string {
  const domain = mailFrom.slice(mailFrom.lastIndexOf("@") + 1) || "localhost";
  return `<${kind.replaceAll("_", "-")}.${eventId}.${recipientUserId ?? "guest"}@${domain}>`;
}
