import { describe, expect, test } from "vitest";
import { resource, stayOffering } from "../availability/availability.fixtures.ts";
import { quoteStay } from "./stay-quote.ts";

const ROOMS = [resource("r-1", { name: "Garden room" }), resource("r-2", { name: "Attic" })];

describe("stay quote", () => {
  test("given two rooms for three nights with a surcharge, then one line per room and one surcharge", () => {
    const offering = stayOffering({ perGuestNightly: 250 });
    expect(quoteStay(offering, ROOMS, "2027-06-10", "2027-06-13", 3)).toEqual({
      amount: 3 * 4_500 * 2 + 3 * 3 * 250,
      currency: "EUR",
      lines: [
        { label: "Garden room: 3 × night", quantity: 3, unitAmount: 4_500, amount: 13_500 },
        { label: "Attic: 3 × night", quantity: 3, unitAmount: 4_500, amount: 13_500 },
        {
          label: "Guest surcharge: 3 × 3 night(s)",
          quantity: 9,
          unitAmount: 250,
          amount: 2_250,
        },
      ],
    });
  });

  test("without a surcharge there is no surcharge line", () => {
    const quote = quoteStay(stayOffering(), ROOMS.slice(0, 1), "2027-06-10", "2027-06-11", 2);
    expect(quote.lines).toHaveLength(1);
    expect(quote.amount).toBe(4_500);
  });

  test.each([
    ["spring", "2027-03-27", "2027-03-29"],
    ["autumn", "2027-10-30", "2027-11-01"],
  ])("a stay across the %s change costs two nights", (_, checkIn, checkOut) => {
    expect(quoteStay(stayOffering(), ROOMS.slice(0, 1), checkIn, checkOut, 1).amount).toBe(9_000);
  });
});
