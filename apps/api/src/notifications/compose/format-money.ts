import type { MailLanguage } from "./mail-language.ts";
import { localeOf } from "./mail-language.ts";

/** A price of minor units (cents) as the language writes it: "€89.00" / "89,00 €". */
export function formatMoney(
  money: { amount: number; currency: string },
  language: MailLanguage,
): string {
  const format = new Intl.NumberFormat(localeOf(language), {
    style: "currency",
    currency: money.currency,
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}
