import { expect, test } from "vitest";
import { formatMoney } from "./money.ts";

test.each([
  [13500, "EUR", "135.00 EUR"],
  [5, "EUR", "0.05 EUR"],
  [0, "USD", "0.00 USD"],
  [123456789, "EUR", "1234567.89 EUR"],
  [-250, "EUR", "-2.50 EUR"],
  [1500, "JPY", "1500 JPY"],
  [1234, "KWD", "1.234 KWD"],
])("formatMoney(%i %s) = %s", (amount, currency, text) => {
  expect(formatMoney({ amount, currency })).toBe(text);
});
