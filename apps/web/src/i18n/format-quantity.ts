import type { Language } from "./languages.ts";
import { locales } from "./locale.ts";

export type Unit = "minute" | "hour" | "day" | "kilometer";

/** "48 hours" / "48 Stunden", "1 day" / "1 Tag": Intl picks the plural form. */
export function formatQuantity(value: number, unit: Unit, language: Language): string {
  return new Intl.NumberFormat(locales[language], {
    style: "unit",
    unit,
    unitDisplay: "long",
    maximumFractionDigits: 1,
  }).format(value);
}

/** Minutes as whole hours where they are ("2 hours"), else as minutes ("90 minutes"). */
export function formatMinutes(minutes: number, language: Language): string {
  return minutes >= 60 && minutes % 60 === 0
    ? formatQuantity(minutes / 60, "hour", language)
    : formatQuantity(minutes, "minute", language);
}
