/** An amount in minor units as `135.00 EUR`, with the currency's own number of decimals. */
export function formatMoney(money: { amount: number; currency: string }): string {
  const decimals = minorUnitDigits(money.currency);
  // Integer arithmetic on the digits: 0.1 + 0.2 must never show up on an invoice line.
  const digits = Math.abs(money.amount)
    .toString()
    .padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : "";
  return `${money.amount < 0 ? "-" : ""}${whole}${fraction} ${money.currency}`;
}

function minorUnitDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}
