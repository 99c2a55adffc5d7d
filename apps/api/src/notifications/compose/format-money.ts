import type { MailLanguage } from "./mail-language.ts";
import { localeOf } from "./mail-language.ts";

/** Building a NumberFormat costs far more than using one: one per language and currency. */
const formats = new Map<string, Intl.NumberFormat>();

function formatOf(language: MailLanguage, currency: string): Intl.NumberFormat {
  const key = `${language}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { style: "currency", currency });
    formats.set(key, format);
  }
  return format;
}

/** A price of minor units (cents) as the language writes it: "€89.00" / "89,00 €". */
export function formatMoney(
  money: { amount: number; currency: string },
  language: MailLanguage,
): string {
  const format = formatOf(language, money.currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}
