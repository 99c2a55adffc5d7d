import { bookerAction } from "../booking-action.ts";
import { bookingDetails, subjectTopic } from "../booking-details.ts";
import { changeDeadline } from "../change-deadline.ts";
import { type MailBlock, paragraph } from "../mail-document.ts";
import { venueMail } from "../mail-frame.ts";
import type { MailLanguage } from "../mail-language.ts";
import { type BookingFacts, causedByBooker } from "../notification-facts.ts";
import type { MailTemplate } from "./mail-template.ts";

/**
 * To the booker: the booking was moved (time, dates, rooms or guests). Where the move took
 * a confirmed booking beyond what was approved, it is pending again and the venue has to
 * confirm it once more; the mail says so. The updated calendar entry is attached.
 */
export const bookingRescheduledMail: MailTemplate<BookingFacts> = {
  en: (facts) => {
    const venue = facts.venue.name;
    return venueMail(facts, "en", `Booking changed: ${subjectTopic(facts, "en")}`, [
      paragraph(
        causedByBooker(facts)
          ? "Your booking has been changed as you asked. These are the new details:"
          : `${venue} has changed your booking. These are the new details:`,
      ),
      bookingDetails(facts, "en", { withPreviousTime: true }),
      ...standing(facts, "en"),
      paragraph("Open the attached calendar file to update the entry in your calendar."),
      ...bookerAction(facts, "en"),
    ]);
  },
  de: (facts) => {
    const venue = facts.venue.name;
    return venueMail(facts, "de", `Buchung geändert: ${subjectTopic(facts, "de")}`, [
      paragraph(
        causedByBooker(facts)
          ? "Ihre Buchung wurde wie gewünscht geändert. Das sind die neuen Angaben:"
          : `${venue} hat Ihre Buchung geändert. Das sind die neuen Angaben:`,
      ),
      bookingDetails(facts, "de", { withPreviousTime: true }),
      ...standing(facts, "de"),
      paragraph(
        "Mit der angehängten Kalenderdatei können Sie den Eintrag in Ihrem Kalender aktualisieren.",
      ),
      ...bookerAction(facts, "de"),
    ]);
  },
};

/** Where the booking stands after the move: still confirmed, pending again, or still pending. */
function standing(facts: BookingFacts, language: MailLanguage): MailBlock[] {
  const venue = facts.venue.name;
  if (facts.booking.status === "confirmed") {
    const confirmed =
      language === "de" ? "Ihre Buchung bleibt bestätigt." : "Your booking remains confirmed.";
    return [paragraph(confirmed), ...changeDeadline(facts, language)];
  }
  if (facts.before?.status === "confirmed") {
    return [
      paragraph(
        language === "de"
          ? `Die Änderung geht über die bisherige Bestätigung hinaus, deshalb muss ${venue} die Buchung erneut bestätigen. Sobald das geschehen ist, bekommen Sie eine weitere Nachricht. Bis dahin ist die neue Zeit für Sie reserviert.`
          : `The change goes beyond what was confirmed, so ${venue} has to confirm the booking again. You will get another message as soon as that has happened. Until then, the new time is reserved for you.`,
      ),
    ];
  }
  return [
    paragraph(
      language === "de"
        ? `Ihre Anfrage wartet weiterhin auf die Bestätigung durch ${venue}. Bis dahin ist die Zeit für Sie reserviert.`
        : `Your request is still waiting for ${venue} to confirm it. Until then, the time is reserved for you.`,
    ),
  ];
}
