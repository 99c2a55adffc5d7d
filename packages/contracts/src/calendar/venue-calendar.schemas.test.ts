import { expect, test } from "vitest";
import {
  calendarBookingSchema,
  venueCalendarInputSchema,
  venueCalendarQuerySchema,
} from "./venue-calendar.schemas.ts";

const venueId = "6f160226-5a3c-4c41-9b87-1f2a4f0d7e11";

test("the calendar's month is YYYY-MM with a real month of 2000–2200", () => {
  expect(venueCalendarQuerySchema.parse({ month: "2027-03" })).toEqual({ month: "2027-03" });
  expect(venueCalendarInputSchema.parse({ venueId, month: "2200-12" })).toEqual({
    venueId,
    month: "2200-12",
  });
  for (const month of [
    "2027-13",
    "2027-00",
    "2027-3",
    "27-03",
    "2027-03-01",
    "1999-12",
    "2201-01",
    "march",
    "",
  ]) {
    expect(venueCalendarQuerySchema.safeParse({ month }).success, month).toBe(false);
  }
  expect(venueCalendarQuerySchema.safeParse({}).success).toBe(false);
  expect(venueCalendarInputSchema.safeParse({ venueId: "x", month: "2027-03" }).success).toBe(
    false,
  );
});

test("a calendar booking may be anonymous: no id, status or label", () => {
  const busy = {
    id: null,
    start: "2027-03-01T14:00:00.000Z",
    end: "2027-03-03T09:00:00.000Z",
    status: null,
    label: null,
  };
  expect(calendarBookingSchema.parse(busy)).toEqual(busy);
  const full = {
    ...busy,
    id: venueId,
    status: "confirmed",
    checkIn: "2027-03-01",
    checkOut: "2027-03-03",
    label: "Anna",
  };
  expect(calendarBookingSchema.parse(full)).toEqual(full);
  expect(calendarBookingSchema.safeParse({ ...busy, status: "busy" }).success).toBe(false);
});
