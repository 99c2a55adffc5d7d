import type { OfferingDto } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import type { MessageKey } from "../../i18n/en.ts";
import { textOf } from "../../i18n/languages.ts";
import { offeringPrice, offeringTerms } from "./offering-terms.ts";

const t = (key: MessageKey, values?: Record<string, string | number>) => textOf("en", key, values);
const ids = { id: crypto.randomUUID(), venueId: crypto.randomUUID(), resourceIds: [] };

const room: OfferingDto = {
  ...ids,
  name: "Seezimmer",
  mode: "stay",
  price: { amount: 8000, currency: "EUR" },
  stay: {
    minNights: 1,
    maxNights: 14,
    checkInTime: "15:00",
    checkOutTime: "10:00",
    perGuestNightly: 500,
  },
};
const tyres: OfferingDto = {
  ...ids,
  name: "Reifenwechsel",
  mode: "slot",
  price: { amount: 4900, currency: "EUR" },
  slot: { durationMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, stepMinutes: 15 },
};

describe("offering price and terms", () => {
  test("a stay costs per night and says its nights and times", () => {
    expect(offeringPrice(room, t, "en")).toBe("€80.00 per night");
    expect(offeringTerms(room, t, "en")).toEqual([
      "plus €5.00 per guest and night",
      "1–14 nights",
      "Check-in from 15:00, check-out by 10:00",
    ]);
  });

  test("a slot costs per appointment and says how long it takes", () => {
    expect(offeringPrice(tyres, t, "en")).toBe("€49.00 per appointment");
    expect(offeringTerms(tyres, t, "en")).toEqual(["Takes 30 minutes"]);
  });
});
