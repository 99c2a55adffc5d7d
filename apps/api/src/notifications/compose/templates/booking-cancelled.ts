import { bookerAction } from "../booking-action.ts";
import { bookingDetails, reasonQuote, subjectTopic } from "../booking-details.ts";
import { paragraph } from "../mail-document.ts";
import { venueMail } from "../mail-frame.ts";
import { type BookingFacts, causedByBooker } from "../notification-facts.ts";
import type { MailTemplate } from "./mail-template.ts";

/**
 * To the booker: the booking is cancelled, by themself or by staff (then with the reason,
 * if one was given). The attached calendar file removes the entry.
 */
export const bookingCancelledMail: MailTemplate<BookingFacts> = {
  en: (facts) => {
    const venue = facts.venue.name;
    return venueMail(facts, "en", `Booking cancelled: ${subjectTopic(facts, "en")}`, [
      paragraph(
        causedByBooker(facts)
          ? "As you asked, your booking has been cancelled."
          : `We are sorry to let you know that ${venue} has cancelled your booking.`,
      ),
      ...reasonQuote(facts, "en"),
      bookingDetails(facts, "en"),
      paragraph("Open the attached calendar file to remove the booking from your calendar."),
      ...bookerAction(facts, "en"),
    ]);
  },
  de: (facts) => {
    const venue = facts.venue.name;
    return venueMail(facts, "de", `Buchung storniert: ${subjectTopic(facts, "de")}`, [
      paragraph(
        causedByBooker(facts)
          ? "Ihre Buchung wurde wie gewünscht storniert."
          : `leider müssen wir Ihnen mitteilen, dass ${venue} Ihre Buchung storniert hat.`,
      ),
      ...reasonQuote(facts, "de"),
      bookingDetails(facts, "de"),
      paragraph(
        "Mit der angehängten Kalenderdatei können Sie den Termin aus Ihrem Kalender entfernen.",
      ),
      ...bookerAction(facts, "de"),
    ]);
  },
};
