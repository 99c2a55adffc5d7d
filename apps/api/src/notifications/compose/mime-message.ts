import MailComposer from "nodemailer/lib/mail-composer";
import type { CalendarInvitation } from "./calendar-invitation.ts";
import type { MailLanguage } from "./mail-language.ts";

export interface MailAddress {
  /** The display name; absent: the bare address. */
  name?: string | undefined;
  address: string;
}

export interface MimeMessageParts {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  /** `<…@host>`, used as it is. */
  messageId: string;
  language: MailLanguage;
  date: Date;
  text: string;
  html: string;
  calendar?: CalendarInvitation | undefined;
}

/**
 * The whole RFC 5322 message, CRLF line ends, built by nodemailer's MailComposer (which
 * encodes headers and bodies): multipart/alternative of text and HTML; with a calendar
 * invitation also a `text/calendar; method=…` alternative and the same file as an
 * attachment, the shape calendar programs (Outlook, Gmail, Apple Mail) recognize.
 */
export async function buildMimeMessage(parts: MimeMessageParts): Promise<string> {
  const composer = new MailComposer({
    from: parts.from,
    to: parts.to,
    subject: parts.subject,
    messageId: parts.messageId,
    date: parts.date,
    headers: {
      "Content-Language": parts.language,
      // RFC 3834: sent by a program, so auto-responders stay quiet.
      "Auto-Submitted": "auto-generated",
    },
    text: parts.text,
    html: parts.html,
    ...(parts.calendar
      ? {
          icalEvent: {
            method: parts.calendar.method,
            content: parts.calendar.content,
            filename: "booking.ics",
          },
        }
      : {}),
    newline: "windows",
  });
  const message = await composer.compile().build();
  return message.toString("utf8");
}
