import { bookerAction } from "../booking-action.ts";
import { bookingDetails, reasonQuote, subjectTopic } from "../booking-details.ts";
import { paragraph } from "../mail-document.ts";
import { footer, greeting, signature } from "../mail-frame.ts";
import { type BookingFacts, causedByBooker } from "../notification-facts.ts";
import type { MailTemplate } from "./mail-template.ts";

/**
 * To the booker: the booking is cancelled, by themself or by staff (then with the reason,
 * if one was given). The attached calendar file removes the entry.
 */
export const bookingCancelledMail: MailTemplate<BookingFacts> = {
  en: (facts) => {
    const venue = facts.venue.name;
    return {
      language: "en",
      subject: `Booking cancelled: ${subjectTopic(facts, "en")}`,
      greeting: greeting(facts.recipient.name, "en"),
      blocks: [
        paragraph(
          causedByBooker(facts)
            ? "As you asked, your booking has been cancelled."
            : `We are sorry to let you know that ${venue} has cancelled your booking.`,
        ),
        ...reasonQuote(facts, "en"),
        bookingDetails(facts, "en"),
        paragraph("Open the attached calendar file to remove the booking from your calendar."),
        ...bookerAction(facts, "en"),
      ],
      signature: signature(venue, "en"),
      footer: footer(facts.publicUrl, "en"),
    };
  },
  de: (facts) => {
    const venue = facts.venue.name;
    return {
      language: "de",
      subject: `Buchung storniert: ${subjectTopic(facts, "de")}`,
      greeting: greeting(facts.recipient.name, "de"),
      blocks: [
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
      ],
      signature: signature(venue, "de"),
      footer: footer(facts.publicUrl, "de"),
    };
  },
};
