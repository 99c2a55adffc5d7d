import { type MailBlock, paragraph } from "./mail-document.ts";
import type { MailLanguage } from "./mail-language.ts";
import type { BookingFacts } from "./notification-facts.ts";

/**
 * The booker's link to the booking: members open their booking page, guests get a manage
 * link, which is their only key to the booking, so they are asked to keep the mail.
 */
export function bookerAction(facts: BookingFacts, language: MailLanguage): MailBlock[] {
  const guest = facts.booker.kind === "guest";
  const labels = {
    en: guest ? "View, change or cancel your booking" : "View your booking",
    de: guest ? "Buchung ansehen, ändern oder stornieren" : "Buchung ansehen",
  };
  const action: MailBlock = { type: "action", label: labels[language], url: facts.bookingUrl };
  if (!guest) return [action];
  const keep =
    language === "de"
      ? "Bitte bewahren Sie diese E-Mail auf: Der Link ist Ihr persönlicher Zugang zu dieser Buchung. Geben Sie ihn nicht weiter."
      : "Please keep this e-mail: the link is your personal key to this booking. Do not share it.";
  return [action, paragraph(keep)];
}
