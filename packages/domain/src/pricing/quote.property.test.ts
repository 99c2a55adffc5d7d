import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { resource, slotOffering, stayOffering } from "../availability/availability.fixtures.ts";
import { addDays } from "../availability/local-date.ts";
import { quoteSlot } from "./slot-quote.ts";
import { quoteStay } from "./stay-quote.ts";

const amountArb = fc.integer({ min: 0, max: 1_000_000 });

describe("quotes, random prices and stays", () => {
  test("stay: total = sum of lines, every line quantity × unit, all integers, rooms × nights", () => {
    fc.assert(
      fc.property(
        amountArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 700 }),
        (rate, perGuestNightly, roomCount, nights, guests, day) => {
          const offering = {
            ...stayOffering({ perGuestNightly }),
            price: { amount: rate, currency: "EUR" },
          };
          const rooms = Array.from({ length: roomCount }, (_, i) => resource(`r-${i}`));
          const checkIn = addDays("2027-01-01", day);
          const quote = quoteStay(offering, rooms, checkIn, addDays(checkIn, nights), guests);
          expect(quote.amount).toBe(quote.lines.reduce((sum, line) => sum + line.amount, 0));
          for (const line of quote.lines) {
            expect(line.amount).toBe(line.quantity * line.unitAmount);
            expect(Number.isSafeInteger(line.amount)).toBe(true);
          }
          expect(quote.amount).toBe(roomCount * nights * rate + guests * nights * perGuestNightly);
          expect(quote.lines).toHaveLength(roomCount + (perGuestNightly > 0 ? 1 : 0));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("slot: total = the one line = the offering's price", () => {
    fc.assert(
      fc.property(amountArb, (amount) => {
        const quote = quoteSlot({ ...slotOffering(), price: { amount, currency: "CHF" } });
        expect(quote.amount).toBe(quote.lines.reduce((sum, line) => sum + line.amount, 0));
        expect(quote).toMatchObject({ amount, currency: "CHF" });
      }),
      { numRuns: 100 },
    );
  });
});
