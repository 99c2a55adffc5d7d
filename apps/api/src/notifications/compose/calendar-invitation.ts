import { bookingCalendar, calendarEntryOf } from "../../icalendar/booking-calendar.ts";
import type { BookingNotificationKind, NotificationFacts } from "./notification-facts.ts";

/** The booking as an iTIP message for the recipient's calendar (RFC 5546). */
export interface CalendarInvitation {
  method: "REQUEST" | "CANCEL";
  /** The VCALENDAR text, CRLF line ends. */
  content: string;
}

/**
 * The invitation for the notification, if its kind has one: organized by the venue (with the
 * sender address, MAIL_FROM), addressed to the recipient, linking to where they open the
 * booking.
 */
export function calendarInvitation(
  facts: NotificationFacts,
  mailFrom: string,
): CalendarInvitation | undefined {
  if (facts.kind === "account_approved") return undefined;
  const method = methodFor(facts.kind);
  if (!method) return undefined;
  const entry = calendarEntryOf(
    facts.booking,
    { venue: facts.venue, offering: facts.offering, resources: facts.resources },
    { url: facts.bookingUrl, language: facts.language },
  );
  const content = bookingCalendar({
    method,
    organizer: { name: facts.venue.name, email: mailFrom },
    attendee: {
      email: facts.recipient.email,
      ...(facts.recipient.name ? { name: facts.recipient.name } : {}),
    },
    entries: [entry],
  });
  return { method, content };
}

/**
 * Which mails carry the booking for the calendar: confirmations, changes and reminders
 * invite (REQUEST: add it, or update the entry with the same UID); cancellations withdraw it
 * (CANCEL, the same UID). The SEQUENCE is the booking's version, so the newest mail wins.
 */
function methodFor(kind: BookingNotificationKind): CalendarInvitation["method"] | undefined {
  switch (kind) {
    case "booking_confirmed":
    case "booking_rescheduled":
    case "booking_reminder":
      return "REQUEST";
    case "booking_cancelled":
      return "CANCEL";
    case "booking_requested":
    case "booking_rejected":
      return undefined;
  }
}
