import { bookerAction } from "../booking-action.ts";
import { bookingDetails, subjectTopic } from "../booking-details.ts";
import { paragraph } from "../mail-document.ts";
import { venueMail } from "../mail-frame.ts";
import type { BookingFacts } from "../notification-facts.ts";
import type { MailTemplate } from "./mail-template.ts";

/** To the booker, a day before the start: what, where and when, with the calendar entry. */
export const bookingReminderMail: MailTemplate<BookingFacts> = {
  en: (facts) => {
    const venue = facts.venue.name;
    const stay = facts.booking.checkIn !== undefined;
    return venueMail(facts, "en", `Reminder: ${subjectTopic(facts, "en")}`, [
      paragraph(
        stay
          ? `Your stay at ${venue} is coming up soon. Here is everything at a glance:`
          : `This is a short reminder of your appointment at ${venue}:`,
      ),
      bookingDetails(facts, "en"),
      paragraph("We look forward to seeing you."),
      paragraph("The attached calendar file keeps your calendar up to date."),
      ...bookerAction(facts, "en"),
    ]);
  },
  de: (facts) => {
    const venue = facts.venue.name;
    const stay = facts.booking.checkIn !== undefined;
    return venueMail(facts, "de", `Erinnerung: ${subjectTopic(facts, "de")}`, [
      paragraph(
        stay
          ? `Ihr Aufenthalt bei ${venue} steht bald bevor. Hier noch einmal alles auf einen Blick:`
          : `wir möchten Sie an Ihren Termin bei ${venue} erinnern:`,
      ),
      bookingDetails(facts, "de"),
      paragraph("Wir freuen uns auf Sie!"),
      paragraph("Die angehängte Kalenderdatei hält Ihren Kalender auf dem neuesten Stand."),
      ...bookerAction(facts, "de"),
    ]);
  },
};
