import type { BookingDto, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import type { BookingStatus } from "../db/schema.ts";
import { bookingCalendar, calendarEntryOf } from "./booking-calendar.ts";
import type { CalendarDocument, CalendarEntry } from "./calendar-entry.ts";

const entry = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  bookingId: "0b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e",
  sequence: 2,
  status: "confirmed",
  start: "2027-01-15T13:00:00.000Z",
  end: "2027-01-17T09:00:00.000Z",
  timeZone: "Europe/Berlin",
  summary: "Ferienhaus am See – Doppelzimmer (Zimmer 1)",
  updatedAt: "2027-01-02T10:00:00.000Z",
  createdAt: "2027-01-01T10:00:00.000Z",
  ...overrides,
});

/** Parses with ical.js, registering the file's own VTIMEZONEs as a client would. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      vevent,
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      location: event.location,
      status: String(vevent.getFirstPropertyValue("status")),
      tzid: vevent.getFirstProperty("dtstart")?.getParameter("tzid"),
      localStart: String(vevent.getFirstProperty("dtstart")?.toJSON()[3]),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
  const zones = calendar
    .getAllSubcomponents("vtimezone")
    .map((vtimezone) => String(vtimezone.getFirstPropertyValue("tzid")));
  return { calendar, events, zones };
}

function render(entries: CalendarEntry[], options: Omit<CalendarDocument, "entries"> = {}) {
  return bookingCalendar({ ...options, entries });
}

describe("bookingCalendar", () => {
  test("winter in Berlin: the venue's wall-clock time with TZID and VTIMEZONE, the right instant", () => {
    const text = render([entry()]);
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20270115T140000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/Berlin:20270117T100000\r\n");
    const { events, zones } = parse(text);
    expect(zones).toEqual(["Europe/Berlin"]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      uid: entry().bookingId,
      sequence: 2,
      tzid: "Europe/Berlin",
      localStart: "2027-01-15T14:00:00",
      start: "2027-01-15T13:00:00.000Z",
      end: "2027-01-17T09:00:00.000Z",
    });
  });

  test("summer in Berlin: two hours ahead of UTC, converted back to the same instant", () => {
    const text = render([
      entry({ start: "2027-07-01T13:00:00.000Z", end: "2027-07-01T14:30:00.000Z" }),
    ]);
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20270701T150000\r\n");
    const { events } = parse(text);
    expect(events[0]).toMatchObject({
      localStart: "2027-07-01T15:00:00",
      start: "2027-07-01T13:00:00.000Z",
      end: "2027-07-01T14:30:00.000Z",
    });
  });

  test("two zones in one calendar: one VTIMEZONE each, once", () => {
    const text = render([
      entry({ bookingId: "a" }),
      entry({ bookingId: "b", start: "2027-03-01T09:00:00.000Z" }),
      entry({
        bookingId: "c",
        timeZone: "America/New_York",
        start: "2027-07-04T16:00:00.000Z",
        end: "2027-07-04T17:00:00.000Z",
      }),
    ]);
    const { events, zones } = parse(text);
    expect(zones.sort()).toEqual(["America/New_York", "Europe/Berlin"]);
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    const newYork = events.find((event) => event.uid === "c");
    expect(newYork).toMatchObject({
      tzid: "America/New_York",
      localStart: "2027-07-04T12:00:00",
      start: "2027-07-04T16:00:00.000Z",
    });
    expect(events.map((event) => event.uid)).toEqual(["a", "b", "c"]);
  });

  test("a zone without a VTIMEZONE definition is written in UTC", () => {
    const text = render([entry({ timeZone: "UTC" })]);
    expect(text).not.toContain("VTIMEZONE");
    expect(text).toContain("DTSTART:20270115T130000Z\r\n");
    expect(parse(text).events[0]?.start).toBe("2027-01-15T13:00:00.000Z");
  });

  test("SEQUENCE is the booking's version; METHOD:CANCEL keeps the UID, with organizer and attendee", () => {
    const first = parse(render([entry({ sequence: 1 })], { method: "REQUEST", ...people }));
    const cancel = render([entry({ sequence: 4, status: "cancelled" })], {
      method: "CANCEL",
      ...people,
    });
    const cancelled = parse(cancel);
    expect(first.calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(cancelled.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.events[0]?.uid).toBe(first.events[0]?.uid);
    expect(first.events[0]?.sequence).toBe(1);
    expect(cancelled.events[0]?.sequence).toBe(4);
    expect(cancelled.events[0]?.status).toBe("CANCELLED");
    const vevent = cancelled.events[0]?.vevent;
    expect(String(vevent?.getFirstPropertyValue("organizer")).toLowerCase()).toBe(
      "mailto:booking@example.org",
    );
    expect(String(vevent?.getFirstPropertyValue("attendee")).toLowerCase()).toBe(
      "mailto:erika@example.org",
    );
    expect(vevent?.getFirstProperty("attendee")?.getParameter("cn")).toBe("Erika Muster");
  });

  test("REQUEST and CANCEL need an organizer and an attendee", () => {
    expect(() => render([entry()], { method: "REQUEST" })).toThrow(/organizer/);
    expect(() => render([entry()], { method: "CANCEL", organizer: people.organizer })).toThrow(
      /attendee/,
    );
  });

  test("no METHOD for feeds and downloads; X-WR-CALNAME from the name; a PRODID", () => {
    const text = render([entry()], { name: "Meine Buchungen, privat; 2027" });
    expect(text).not.toContain("METHOD:");
    expect(text).toContain("PRODID:-//Booking//Booking system//EN\r\n");
    // Escaped as TEXT (ical.js leaves properties it does not know raw, so it is read as TEXT here).
    expect(text).toContain("X-WR-CALNAME:Meine Buchungen\\, privat\\; 2027\r\n");
    const raw = String(parse(text).calendar.getFirstPropertyValue("x-wr-calname"));
    expect(ICAL.design.icalendar.value.text?.fromICAL?.(raw)).toBe("Meine Buchungen, privat; 2027");
  });

  test.each([
    ["confirmed", "CONFIRMED"],
    ["completed", "CONFIRMED"],
    ["held", "TENTATIVE"],
    ["pending", "TENTATIVE"],
    ["rejected", "CANCELLED"],
    ["cancelled", "CANCELLED"],
    ["expired", "CANCELLED"],
    ["no_show", "CANCELLED"],
  ] satisfies [BookingStatus, string][])("status %s is STATUS:%s", (status, expected) => {
    expect(parse(render([entry({ status })])).events[0]?.status).toBe(expected);
  });

  test("commas, semicolons, backslashes and newlines are escaped and read back as written", () => {
    const summary = "Haus am See, Zimmer 1; Frühstück \\ inklusive";
    const description = "Erste Zeile\nZweite Zeile, mit Komma; und Semikolon";
    const location = "Seeweg 1; 24306 Plön, DE";
    const text = render([entry({ summary, description, location })]);
    expect(text).toContain("SUMMARY:Haus am See\\, Zimmer 1\\; Frühstück \\\\ inklusive\r\n");
    expect(text).toContain("DESCRIPTION:Erste Zeile\\nZweite Zeile\\, mit Komma\\; und Semikolon");
    expect(parse(text).events[0]).toMatchObject({ summary, description, location });
  });

  test("long lines are folded at 75 octets, never inside a character, and unfold to the text", () => {
    const summary = `${"Ü".repeat(60)} ${"🎉".repeat(20)} ${"x".repeat(100)}`;
    const text = render([entry({ summary })]);
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    expect(text).not.toContain("\uFFFD");
    expect(parse(text).events[0]?.summary).toBe(summary);
  });
});

const people = {
  organizer: { name: "Ferienhaus am See", email: "booking@example.org" },
  attendee: { name: "Erika Muster", email: "erika@example.org" },
};

describe("calendarEntryOf", () => {
  const venue = {
    id: "1b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e",
    name: "Ferienhaus am See",
    timeZone: "Europe/Berlin",
    currency: "EUR",
    address: { street: "Seeweg 1", postalCode: "24306", city: "Plön", country: "DE" },
  } as VenueDto;
  const offering = { id: "2b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e", name: "Doppelzimmer" };
  const rooms = [
    { id: "4b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e", name: "Zimmer 1" },
    { id: "5b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e", name: "Zimmer 2" },
  ] as ResourceDto[];
  const booking: BookingDto = {
    id: "0b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e",
    venueId: venue.id,
    offeringId: offering.id,
    resourceIds: [rooms[1]?.id ?? "", rooms[0]?.id ?? ""],
    start: "2027-03-28T13:00:00.000Z",
    end: "2027-03-30T08:00:00.000Z",
    checkIn: "2027-03-28",
    checkOut: "2027-03-30",
    guests: 2,
    status: "pending",
    price: { amount: 9000, currency: "EUR" },
    bookedBy: { userId: "3b9c3a52-8f0e-4b8e-9d1e-2a3f4b5c6d7e" },
    createdAt: "2027-01-01T10:00:00.000Z",
    updatedAt: "2027-01-02T10:00:00.000Z",
    version: 3,
  };

  test("summary, location, zone, sequence and url from the booking and its catalog", () => {
    const made = calendarEntryOf(
      booking,
      { venue, offering: offering as OfferingDto, resources: rooms },
      { url: "https://booking.example.org/bookings/x" },
    );
    expect(made).toMatchObject({
      bookingId: booking.id,
      sequence: 3,
      status: "pending",
      start: booking.start,
      end: booking.end,
      timeZone: "Europe/Berlin",
      summary: "Ferienhaus am See – Doppelzimmer (Zimmer 2, Zimmer 1)",
      location: "Seeweg 1, 24306 Plön",
      url: "https://booking.example.org/bookings/x",
      updatedAt: booking.updatedAt,
      createdAt: booking.createdAt,
    });
    const { events } = parse(bookingCalendar({ entries: [made] }));
    expect(events[0]).toMatchObject({ status: "TENTATIVE", start: booking.start });
  });

  test("the booker's name for staff; no offering or address left out", () => {
    const made = calendarEntryOf(
      booking,
      { venue: { ...venue, address: undefined }, resources: [] },
      { bookerName: "Erika Muster" },
    );
    expect(made.summary).toBe("Ferienhaus am See – Erika Muster");
    expect(made.description).toContain("Booked by: Erika Muster");
    expect(made).not.toHaveProperty("location");
    expect(made).not.toHaveProperty("url");
  });

  test("the description speaks the venue's language, or the one asked for", () => {
    const catalog = { venue, offering: offering as OfferingDto, resources: rooms };
    expect(calendarEntryOf(booking, catalog).description).toBe(
      "Status: wartet auf Bestätigung\nPersonen: 2",
    );
    expect(calendarEntryOf(booking, catalog, { language: "en" }).description).toBe(
      "Status: waiting for confirmation\nGuests: 2",
    );
  });
});
