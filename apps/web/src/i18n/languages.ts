import { de } from "./de.ts";
import { type Dictionary, en, type MessageKey } from "./en.ts";
import { interpolate } from "./interpolate.ts";

export const languages = ["de", "en"] as const;
export type Language = (typeof languages)[number];

/** Each language's texts: the core ones, and those a lazily loaded part adds (`addTexts`). */
export const dictionaries: Record<Language, Dictionary & Partial<Record<MessageKey, string>>> = {
  de: { ...de },
  en: { ...en },
};

/**
 * Adds the texts of a part of the app that loads on demand (the admin's desk). Its module
 * calls this when it loads, before any of its components renders.
 */
export function addTexts(texts: Record<Language, Partial<Record<MessageKey, string>>>) {
  for (const language of languages) Object.assign(dictionaries[language], texts[language]);
}

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

/**
 * `key`'s text in `language` with its placeholders filled. A key without text can only be
 * one of a part not loaded yet: the key itself is then better than nothing.
 */
export function textOf(
  language: Language,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  return interpolate(dictionaries[language][key] ?? key, values);
}
