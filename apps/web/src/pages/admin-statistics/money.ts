/** How many minor units a currency has (two for EUR, none for JPY), as Intl knows it. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** An amount in minor units as a plain decimal in major units: 29800 EUR → "298.00". */
export function majorUnits(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}
