import type { Selectable } from "kysely";
import type { AppDependencies } from "../../context/app-dependencies.ts";
import type { NotificationsTable } from "../../db/schema.ts";
import type { ComposedMessage } from "../delivery/composed-message.ts";
import { calendarInvitation } from "./calendar-invitation.ts";
import { writeMail } from "./mail-templates.ts";
import { buildMimeMessage } from "./mime-message.ts";
import { loadNotificationFacts } from "./notification-facts.ts";
import { renderHtml } from "./render-html.ts";
import { renderText } from "./render-text.ts";

/**
 * A notification's whole mail: the facts as they were right after the event that owes it,
 * written in the row's language, rendered as text and HTML, with the booking for the
 * calendar where the kind has one; From is MAIL_FROM under the venue's name, the
 * Message-ID the row's own. Throws NotificationNotComposableError when the mail can never be
 * written (the recipient or the booking is gone).
 */
export async function composeMessage(
  deps: AppDependencies,
  notification: Selectable<NotificationsTable>,
  now: Date = new Date(),
): Promise<ComposedMessage> {
  const facts = await loadNotificationFacts(deps, notification);
  const document = writeMail(facts);
  const { mailFrom } = deps.config;
  const raw = await buildMimeMessage({
    from: { name: "venue" in facts ? facts.venue.name : undefined, address: mailFrom },
    to: { name: facts.recipient.name, address: facts.recipient.email },
    subject: document.subject,
    messageId: notification.message_id,
    language: facts.language,
    date: now,
    text: renderText(document),
    html: renderHtml(document),
    calendar: calendarInvitation(facts, mailFrom),
  });
  return {
    messageId: notification.message_id,
    envelope: { from: mailFrom, to: facts.recipient.email },
    raw,
  };
}
