/**
 * Prices are typed in major units ("89.50", "89,50") and sent in minor units (8950). How
 * many minor units a currency has comes from Intl: two for EUR, none for JPY, three for KWD.
 */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/**
 * The amount in minor units, or `undefined` when the text is no price in this currency
 * (letters, more decimals than the currency has). A minus sign is kept, so that the form
 * can say that prices are never negative instead of calling it unreadable.
 */
export function toMinorUnits(text: string, currency: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f']/g, "");
  const match = /^(-?)(\d+)(?:[.,](\d*))?$/.exec(withoutGrouping(compact));
  if (!match) return undefined;
  const [, sign = "", whole = "", fraction = ""] = match;
  const digits = minorDigits(currency);
  if (fraction.length > digits) return undefined;
  const amount = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(amount)) return undefined;
  return sign === "-" ? -amount : amount;
}

/**
 * "1.234,50" and "1,234.50": where both separators occur, the last one is the decimal mark
 * and the other one groups thousands.
 */
function withoutGrouping(text: string): string {
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  if (lastDot === -1 || lastComma === -1) return text;
  const grouping = lastDot > lastComma ? "," : ".";
  return text.split(grouping).join("");
}

/** Minor units as the text of an input in major units, e.g. 8950 → "89.50" / "89,50". */
export function toMajorUnitsText(amount: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(amount / 10 ** digits);
}
