import { bookerAction } from "../booking-action.ts";
import { bookingDetails, subjectTopic } from "../booking-details.ts";
import { changeDeadline } from "../change-deadline.ts";
import { paragraph } from "../mail-document.ts";
import { venueMail } from "../mail-frame.ts";
import type { BookingFacts } from "../notification-facts.ts";
import type { MailTemplate } from "./mail-template.ts";

/**
 * To the booker: the booking is confirmed, by staff approving the request or at once where
 * the venue needs no approval. The calendar invitation is attached.
 */
export const bookingConfirmedMail: MailTemplate<BookingFacts> = {
  en: (facts) => {
    const venue = facts.venue.name;
    return venueMail(facts, "en", `Booking confirmed: ${subjectTopic(facts, "en")}`, [
      paragraph(
        approvedByStaff(facts)
          ? `Good news: ${venue} has confirmed your booking.`
          : `Thank you for your booking at ${venue}. It is confirmed.`,
      ),
      bookingDetails(facts, "en"),
      ...changeDeadline(facts, "en"),
      paragraph("Open the attached calendar file to add the booking to your calendar."),
      ...bookerAction(facts, "en"),
    ]);
  },
  de: (facts) => {
    const venue = facts.venue.name;
    return venueMail(facts, "de", `Buchung bestätigt: ${subjectTopic(facts, "de")}`, [
      paragraph(
        approvedByStaff(facts)
          ? `gute Nachricht: ${venue} hat Ihre Buchung bestätigt.`
          : `vielen Dank für Ihre Buchung bei ${venue}. Sie ist hiermit bestätigt.`,
      ),
      bookingDetails(facts, "de"),
      ...changeDeadline(facts, "de"),
      paragraph(
        "Mit der angehängten Kalenderdatei können Sie die Buchung in Ihren Kalender übernehmen.",
      ),
      ...bookerAction(facts, "de"),
    ]);
  },
};

/** A person said yes (where the venue confirms every request, the system does it at once). */
function approvedByStaff(facts: BookingFacts): boolean {
  return facts.cause.type === "BookingConfirmed" && "userId" in facts.cause.by;
}
