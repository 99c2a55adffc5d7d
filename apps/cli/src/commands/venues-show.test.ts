import type { OfferingDto } from "@booking/contracts";
import { expect, test } from "vitest";
import { offeringPrice, openingHours } from "./venues-show.command.ts";

const common = { id: "o1", venueId: "v1", name: "x", resourceIds: ["r1"] };

test("offeringPrice: per night (+ per guest-night) for stays, per appointment for slots", () => {
  const stay: OfferingDto = {
    ...common,
    mode: "stay",
    price: { amount: 4500, currency: "EUR" },
    stay: {
      minNights: 1,
      maxNights: 14,
      checkInTime: "15:00",
      checkOutTime: "10:00",
      perGuestNightly: 500,
    },
  };
  expect(offeringPrice(stay)).toBe("45.00 EUR per night + 5.00 EUR per guest-night");
  expect(offeringPrice({ ...stay, stay: { ...stay.stay, perGuestNightly: 0 } })).toBe(
    "45.00 EUR per night",
  );
  const slot: OfferingDto = {
    ...common,
    mode: "slot",
    price: { amount: 8900, currency: "EUR" },
    slot: { durationMinutes: 60, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, stepMinutes: 15 },
  };
  expect(offeringPrice(slot)).toBe("89.00 EUR per 60 min");
});

test("openingHours lists open days only", () => {
  const closed: [string, string][] = [];
  expect(
    openingHours({
      mon: [
        ["08:00", "12:00"],
        ["13:00", "17:00"],
      ],
      tue: closed,
      wed: closed,
      thu: closed,
      fri: closed,
      sat: [["09:00", "13:00"]],
      sun: closed,
    }),
  ).toBe("mon 08:00–12:00 13:00–17:00, sat 09:00–13:00");
  expect(
    openingHours({
      mon: closed,
      tue: closed,
      wed: closed,
      thu: closed,
      fri: closed,
      sat: closed,
      sun: closed,
    }),
  ).toBe("-");
});
