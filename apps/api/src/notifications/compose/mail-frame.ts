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
