import type { BookingDto } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { bookingDetails, bookingsTable, bookingWhen, historyTable } from "./booking-format.ts";
import type { VenueInfo } from "./catalog-lookup.ts";

const venue = {
  venue: { id: "v1", name: "Ferienhaus am See", timeZone: "Europe/Berlin" },
  resources: [{ id: "r1", name: "Room 1" }],
} as unknown as VenueInfo;

const stay: BookingDto = {
  id: "b1",
  venueId: "v1",
  offeringId: "o1",
  resourceIds: ["r1"],
  start: "2027-05-01T13:00:00.000Z",
  end: "2027-05-04T08:00:00.000Z",
  checkIn: "2027-05-01",
  checkOut: "2027-05-04",
  guests: 2,
  status: "pending",
  price: { amount: 13500, currency: "EUR" },
  bookedBy: { userId: "u1" },
  createdAt: "2027-04-01T10:00:00.000Z",
  updatedAt: "2027-04-01T10:00:00.000Z",
  version: 1,
};
const slot = {
  ...stay,
  id: "b2",
  checkIn: undefined,
  checkOut: undefined,
  start: "2027-03-29T07:00:00.000Z",
  end: "2027-03-29T08:00:00.000Z",
  status: "confirmed" as const,
  price: { amount: 8900, currency: "EUR" },
};

describe("bookingWhen", () => {
  test("a stay by its local dates and nights", () => {
    expect(bookingWhen(stay, undefined)).toBe("2027-05-01 → 2027-05-04 (3 nights)");
    expect(bookingWhen({ ...stay, checkOut: "2027-05-02" }, undefined)).toBe(
      "2027-05-01 → 2027-05-02 (1 night)",
    );
  });

  test("a slot in the venue's local time (summer time after 2027-03-28), else UTC", () => {
    expect(bookingWhen(slot, "Europe/Berlin")).toBe("2027-03-29 09:00–10:00 Europe/Berlin");
    expect(bookingWhen(slot, undefined)).toBe("2027-03-29 07:00–08:00 UTC");
  });
});

test("bookingDetails lists status, when, venue, rooms by name, guests and money", () => {
  expect(bookingDetails({ ...stay, notes: "late arrival" }, venue)).toEqual([
    "Booking b1",
    "  status     pending (awaiting approval)",
    "  when       2027-05-01 → 2027-05-04 (3 nights)",
    "  venue      Ferienhaus am See",
    "  resources  Room 1",
    "  guests     2",
    "  price      135.00 EUR",
    "  notes      late arrival",
  ]);
});

test("bookingsTable shows one row per booking with the venue's name", () => {
  expect(bookingsTable([stay, slot], new Map([["v1", venue]]))).toEqual([
    "ID  STATUS     WHEN                                  GUESTS  PRICE       VENUE",
    "b1  pending    2027-05-01 → 2027-05-04 (3 nights)    2       135.00 EUR  Ferienhaus am See",
    "b2  confirmed  2027-03-29 09:00–10:00 Europe/Berlin  2       89.00 EUR   Ferienhaus am See",
  ]);
});

test("historyTable names the actor and the reason", () => {
  expect(
    historyTable([
      { type: "BookingRequested", at: "2027-04-01T10:00:00Z", actor: { userId: "u1" } },
      {
        type: "BookingRejected",
        at: "2027-04-02T09:30:00Z",
        actor: { system: true },
        reason: "Closed",
      },
    ]),
  ).toEqual([
    "AT (UTC)          EVENT             BY      REASON",
    "2027-04-01 10:00  BookingRequested  u1",
    "2027-04-02 09:30  BookingRejected   system  Closed",
  ]);
});
