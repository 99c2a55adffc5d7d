/** One row of a price breakdown; amounts are integers in the quote's minor units. */
export interface QuoteLine {
  label: string;
  quantity: number;
  unitAmount: number;
  /** quantity × unitAmount. */
  amount: number;
}

/** A price with its breakdown; `amount` is the sum of the lines' amounts. */
export interface Quote {
  amount: number;
  currency: string;
  lines: QuoteLine[];
}

export function quoteLine(label: string, quantity: number, unitAmount: number): QuoteLine {
  return { label, quantity, unitAmount, amount: quantity * unitAmount };
}

export function quoteOf(currency: string, lines: QuoteLine[]): Quote {
  return { amount: lines.reduce((sum, line) => sum + line.amount, 0), currency, lines };
}
