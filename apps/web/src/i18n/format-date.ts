import type { Language } from "./languages.ts";
import { locales } from "./locale.ts";

/** A date as people of the chosen language write it, e.g. "3 May 2026" / "3. Mai 2026". */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: "medium" }).format(new Date(iso));
}
