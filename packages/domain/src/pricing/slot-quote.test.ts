import { describe, expect, test } from "vitest";
import { slotOffering } from "../availability/availability.fixtures.ts";
import { quoteSlot } from "./slot-quote.ts";

describe("slot quote", () => {
  test("the fixed price of the service, as one line", () => {
    expect(quoteSlot(slotOffering())).toEqual({
      amount: 8_900,
      currency: "EUR",
      lines: [{ label: "Oil change", quantity: 1, unitAmount: 8_900, amount: 8_900 }],
    });
  });
});
