import { z } from "zod";
import { bookingStatusSchema } from "../bookings/booking.schemas.ts";
import { localDateSchema } from "../catalog/calendar.schemas.ts";

/** "YYYY-MM", a calendar month of the years the statistics take too (2000–2200). */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM")
  .refine((month) => {
    const year = Number(month.slice(0, 4));
    return year >= 2000 && year <= 2200;
  }, "must be a month of the years 2000–2200");

/** GET /venues/{id}/calendar: the query string. */
export const venueCalendarQuerySchema = z.object({ month: monthSchema });

/** The calendar of one venue and month (the procedure's input). */
export const venueCalendarInputSchema = z.object({ venueId: z.uuid(), month: monthSchema });

/**
 * A booking in a venue's calendar (docs/api.md, "Calendar"). Admins see every field; a
 * member sees their own bookings with `id`, `status` and the stay's dates, and other
 * people's as anonymous busy spans (`id`, `status` and `label` null).
 */
export const calendarBookingSchema = z
  .object({
    id: z.uuid().nullable(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    status: bookingStatusSchema.nullable(),
    checkIn: localDateSchema.optional(),
    checkOut: localDateSchema.optional(),
    label: z.string().nullable().describe("The booker's name (admins only), else null"),
  })
  .meta({ id: "CalendarBooking" });

export const venueCalendarSchema = z
  .object({
    resources: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        bookings: z.array(calendarBookingSchema),
      }),
    ),
  })
  .meta({ id: "VenueCalendar" });

export type CalendarBooking = z.infer<typeof calendarBookingSchema>;
export type VenueCalendar = z.infer<typeof venueCalendarSchema>;
