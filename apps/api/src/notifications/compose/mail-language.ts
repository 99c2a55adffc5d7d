/** The languages mails are written in (the notification row has it resolved already). */
export type MailLanguage = "de" | "en";

/** The locale whose conventions a language's mails follow for dates, times and money. */
export function localeOf(language: MailLanguage): string {
  return language === "de" ? "de-DE" : "en-GB";
}

/** One value per language: what every template and label table is made of. */
export type InEachLanguage<T> = Record<MailLanguage, T>;
