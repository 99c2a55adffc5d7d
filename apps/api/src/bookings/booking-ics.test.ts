import type { BookingDto } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { bookingIcs } from "./booking-ics.ts";

const booking: BookingDto = {
  id: "0b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e",
  venueId: "1b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e",
  offeringId: "2b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e",
  resourceIds: [],
  start: "2027-03-28T13:00:00.000Z",
  end: "2027-03-30T08:00:00.000Z",
  guests: 2,
  status: "confirmed",
  price: { amount: 9000, currency: "EUR" },
  bookedBy: { userId: "3b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e" },
  createdAt: "2027-01-01T10:00:00.000Z",
  updatedAt: "2027-01-02T10:00:00.000Z",
  version: 2,
};

describe("bookingIcs", () => {
  test("one VEVENT with the booking id as UID, UTC times, CRLF lines", () => {
    const ics = bookingIcs(booking, {
      title: "Ferienhaus am See, Zimmer 1",
      location: "Seeweg 1; Plön",
    });
    expect(ics.split("\r\n").slice(0, 3)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Booking//Booking//EN",
    ]);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`UID:${booking.id}\r\n`);
    expect(ics).toContain("DTSTART:20270328T130000Z\r\n");
    expect(ics).toContain("DTEND:20270330T080000Z\r\n");
    expect(ics).toContain("SUMMARY:Ferienhaus am See\\, Zimmer 1\r\n");
    expect(ics).toContain("LOCATION:Seeweg 1\\; Plön\r\n");
    expect(ics).toContain("STATUS:CONFIRMED\r\n");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  test("long lines are folded at 75 octets, never inside a character", () => {
    const ics = bookingIcs({ ...booking, status: "cancelled" }, { title: "Ü".repeat(100) });
    for (const line of ics.split("\r\n"))
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain(`SUMMARY:${"Ü".repeat(100)}`);
    expect(ics).toContain("STATUS:CANCELLED");
  });
});
