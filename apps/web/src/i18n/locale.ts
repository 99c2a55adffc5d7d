import type { Language } from "./languages.ts";

/** The Intl locale of each language: dates, numbers and prices as its readers write them. */
export const locales: Record<Language, string> = { de: "de-DE", en: "en-GB" };
