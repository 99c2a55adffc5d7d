import { bookingDetails, notesQuote, offeringName, subjectTopic } from "../booking-details.ts";
import { paragraph } from "../mail-document.ts";
import { footer, greeting } from "../mail-frame.ts";
import type { BookingFacts } from "../notification-facts.ts";
import type { MailTemplate } from "./mail-template.ts";

/**
 * To staff: a booking waits for their decision, either a new request or a change that took a
 * confirmed booking back to pending (or moved a request that was still pending).
 */
export const bookingRequestedMail: MailTemplate<BookingFacts> = {
  en: (facts) => {
    const booker = facts.booker.name ?? "Someone";
    const venue = facts.venue.name;
    const topic = subjectTopic(facts, "en");
    const moved = facts.cause.type === "BookingRescheduled";
    const wasConfirmed = facts.before?.status === "confirmed";
    let intro = `${booker} would like to book ${offeringName(facts, "en")} at ${venue}. The request is waiting for your decision.`;
    if (moved && wasConfirmed) {
      intro = `${booker} has changed a confirmed booking at ${venue}. The change goes beyond what was confirmed, so the booking needs your approval again.`;
    } else if (moved) {
      intro = `${booker} has changed a booking request at ${venue}. It is still waiting for your decision.`;
    }
    return {
      language: "en",
      subject:
        moved && wasConfirmed ? `Please confirm again: ${topic}` : `Booking request: ${topic}`,
      greeting: greeting(facts.recipient.name, "en"),
      blocks: [
        paragraph(intro),
        bookingDetails(facts, "en", { withPreviousTime: moved }),
        ...notesQuote(facts, "en"),
        paragraph("Until you decide, the time stays reserved for this request."),
        { type: "action", label: "Review and decide", url: facts.bookingUrl },
      ],
      signature: [],
      footer: footer(facts.publicUrl, "en"),
    };
  },
  de: (facts) => {
    const booker = facts.booker.name ?? "Jemand";
    const venue = facts.venue.name;
    const topic = subjectTopic(facts, "de");
    const moved = facts.cause.type === "BookingRescheduled";
    const wasConfirmed = facts.before?.status === "confirmed";
    let intro = `${booker} möchte ${offeringName(facts, "de")} bei ${venue} buchen. Die Anfrage wartet auf Ihre Entscheidung.`;
    if (moved && wasConfirmed) {
      intro = `${booker} hat eine bestätigte Buchung bei ${venue} geändert. Die Änderung geht über die Bestätigung hinaus, deshalb braucht die Buchung erneut Ihre Zustimmung.`;
    } else if (moved) {
      intro = `${booker} hat eine Buchungsanfrage bei ${venue} geändert. Sie wartet weiterhin auf Ihre Entscheidung.`;
    }
    return {
      language: "de",
      subject:
        moved && wasConfirmed ? `Bitte erneut bestätigen: ${topic}` : `Buchungsanfrage: ${topic}`,
      greeting: greeting(facts.recipient.name, "de"),
      blocks: [
        paragraph(intro),
        bookingDetails(facts, "de", { withPreviousTime: moved }),
        ...notesQuote(facts, "de"),
        paragraph("Bis Sie entscheiden, bleibt die Zeit für diese Anfrage reserviert."),
        { type: "action", label: "Anfrage prüfen und entscheiden", url: facts.bookingUrl },
      ],
      signature: [],
      footer: footer(facts.publicUrl, "de"),
    };
  },
};
