import type { Language } from "./languages.ts";
import { locales } from "./locale.ts";

/**
 * A price given in minor units (cents), e.g. "€49.00" / "49,00 €". Intl knows how many
 * minor units each currency has (two for EUR, none for JPY).
 */
export function formatPrice(price: { amount: number; currency: string }, language: Language) {
  const format = new Intl.NumberFormat(locales[language], {
    style: "currency",
    currency: price.currency,
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(price.amount / 10 ** digits);
}
