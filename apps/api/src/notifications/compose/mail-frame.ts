import type { MailBlock, MailDocument } from "./mail-document.ts";
import type { InEachLanguage, MailLanguage } from "./mail-language.ts";

/** What every mail opens and closes with, in both languages. */

/** "Hello Anna Müller," or, without a name, "Hello,". German mails address people as "Sie". */
export function greeting(name: string | undefined, language: MailLanguage): string {
  const hello = language === "de" ? "Hallo" : "Hello";
  return name ? `${hello} ${name},` : `${hello},`;
}

/** The closing, in the name of the venue that sends the mail. */
export function signature(venue: string, language: MailLanguage): string[] {
  const regards: InEachLanguage<string> = { en: "Kind regards", de: "Viele Grüße" };
  return [regards[language], venue];
}

/** Why the mail came: an automatic message from the booking system at PUBLIC_URL. */
export function footer(publicUrl: string, language: MailLanguage): string {
  return language === "de"
    ? `Diese Nachricht wurde automatisch vom Buchungssystem unter ${publicUrl} verschickt.`
    : `This message was sent automatically by the booking system at ${publicUrl}.`;
}

/** A mail from a venue about a booking: greeting, the blocks, the venue's closing, the footer. */
export function venueMail(
  facts: { recipient: { name?: string | undefined }; venue: { name: string }; publicUrl: string },
  language: MailLanguage,
  subject: string,
  blocks: MailBlock[],
): MailDocument {
  return {
    language,
    subject,
    greeting: greeting(facts.recipient.name, language),
    blocks,
    signature: signature(facts.venue.name, language),
    footer: footer(facts.publicUrl, language),
  };
}
