import type { MailDocument } from "./mail-document.ts";
import type { NotificationFacts } from "./notification-facts.ts";
import { accountApprovedMail } from "./templates/account-approved.ts";
import { bookingCancelledMail } from "./templates/booking-cancelled.ts";
import { bookingConfirmedMail } from "./templates/booking-confirmed.ts";
import { bookingRejectedMail } from "./templates/booking-rejected.ts";
import { bookingReminderMail } from "./templates/booking-reminder.ts";
import { bookingRequestedMail } from "./templates/booking-requested.ts";
import { bookingRescheduledMail } from "./templates/booking-rescheduled.ts";

/** The mail for the notification's kind, in the notification's language. */
export function writeMail(facts: NotificationFacts): MailDocument {
  switch (facts.kind) {
    case "booking_requested":
      return bookingRequestedMail[facts.language](facts);
    case "booking_confirmed":
      return bookingConfirmedMail[facts.language](facts);
    case "booking_rejected":
      return bookingRejectedMail[facts.language](facts);
    case "booking_cancelled":
      return bookingCancelledMail[facts.language](facts);
    case "booking_rescheduled":
      return bookingRescheduledMail[facts.language](facts);
    case "booking_reminder":
      return bookingReminderMail[facts.language](facts);
    case "account_approved":
      return accountApprovedMail[facts.language](facts);
  }
}
