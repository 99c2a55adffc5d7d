import { de } from "./de.ts";
import { type Dictionary, en } from "./en.ts";

export const languages = ["de", "en"] as const;
export type Language = (typeof languages)[number];

export const dictionaries: Record<Language, Dictionary> = { de, en };

/** Each language names itself, so that a reader finds their own in the switcher. */
export const languageNames: Record<Language, string> = { de: "Deutsch", en: "English" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/**
 * The first of the browser's preferred languages that we have (`de-AT` counts as `de`);
 * English when none fits, since more visitors read English than German.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}
