import { describe, expect, test } from "vitest";
import { formatPrice } from "./format-price.ts";

describe("formatPrice", () => {
  test("takes cents and writes the currency as each language does", () => {
    expect(formatPrice({ amount: 4900, currency: "EUR" }, "en")).toBe("€49.00");
    expect(formatPrice({ amount: 14900, currency: "EUR" }, "de")).toBe("149,00\u00a0€");
  });

  test("a currency without minor units is not divided by 100", () => {
    expect(formatPrice({ amount: 5000, currency: "JPY" }, "en")).toBe("JP¥5,000");
  });
});
