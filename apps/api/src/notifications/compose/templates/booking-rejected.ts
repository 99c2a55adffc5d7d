import { bookerAction } from "../booking-action.ts";
import { bookingDetails, reasonQuote, subjectTopic } from "../booking-details.ts";
import { paragraph } from "../mail-document.ts";
import { venueMail } from "../mail-frame.ts";
import type { BookingFacts } from "../notification-facts.ts";
import type { MailTemplate } from "./mail-template.ts";

/** To the booker: staff turned the request down, with the reason they gave. */
export const bookingRejectedMail: MailTemplate<BookingFacts> = {
  en: (facts) => {
    const venue = facts.venue.name;
    return venueMail(facts, "en", `Booking request declined: ${subjectTopic(facts, "en")}`, [
      paragraph(`We are sorry: ${venue} cannot accept your booking request.`),
      ...reasonQuote(facts, "en"),
      bookingDetails(facts, "en"),
      paragraph("The time is free again. You are welcome to request another date."),
      ...bookerAction(facts, "en"),
    ]);
  },
  de: (facts) => {
    const venue = facts.venue.name;
    return venueMail(facts, "de", `Buchungsanfrage abgelehnt: ${subjectTopic(facts, "de")}`, [
      paragraph(`leider kann ${venue} Ihre Buchungsanfrage nicht annehmen.`),
      ...reasonQuote(facts, "de"),
      bookingDetails(facts, "de"),
      paragraph("Die Zeit ist wieder frei. Gern können Sie einen anderen Termin anfragen."),
      ...bookerAction(facts, "de"),
    ]);
  },
};
