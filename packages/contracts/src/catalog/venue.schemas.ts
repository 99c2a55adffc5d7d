import { z } from "zod";
import { nameSchema, reasonSchema, text } from "../common/fields.schema.ts";
import { languageSchema } from "../users/user.schemas.ts";
import {
  currencySchema,
  localDateSchema,
  minutesOfDay,
  timeOfDaySchema,
  timeZoneSchema,
} from "./calendar.schemas.ts";

const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const openingIntervalSchema = z
  .tuple([timeOfDaySchema(), timeOfDaySchema({ allowEndOfDay: true })])
  .refine(([start, end]) => minutesOfDay(start) < minutesOfDay(end), "must end after it starts");

/** A day's intervals: sorted by the client or not, they must not overlap. */
const dayScheduleSchema = z
  .array(openingIntervalSchema)
  .max(12)
  .refine((intervals) => {
    const sorted = [...intervals].sort((a, b) => minutesOfDay(a[0]) - minutesOfDay(b[0]));
    return sorted.every((interval, i) => {
      const next = sorted[i + 1];
      return !next || minutesOfDay(interval[1]) <= minutesOfDay(next[0]);
    });
  }, "intervals must not overlap");

export const openingHoursSchema = z.object(
  Object.fromEntries(weekdays.map((day) => [day, dayScheduleSchema])) as Record<
    (typeof weekdays)[number],
    typeof dayScheduleSchema
  >,
);

const closureSchema = z
  .object({ from: localDateSchema, to: localDateSchema, reason: reasonSchema.optional() })
  .refine((closure) => closure.from <= closure.to, {
    message: "must not end before it starts",
    path: ["to"],
  });

const venuePoliciesSchema = z.object({
  approvalRequired: z.boolean(),
  holdTtlMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 60),
  maxAdvanceDays: z.number().int().min(1).max(730),
  cancellationNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(365 * 24),
});

const addressSchema = z.object({
  street: text().trim().min(1).max(200),
  postalCode: text().trim().min(1).max(20),
  city: text().trim().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 country code"),
});

const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

const venueFields = {
  name: nameSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  address: addressSchema.optional(),
  location: locationSchema.optional(),
  openingHours: openingHoursSchema,
  closures: z.array(closureSchema).max(500),
  policies: venuePoliciesSchema,
  /** The language of mails about its bookings to people who chose none; absent: from the country (de for DE, AT, CH, LI), else en. */
  language: languageSchema.optional(),
};

export const venueSchema = z.object({ id: z.uuid(), ...venueFields }).meta({ id: "Venue" });
export type VenueDto = z.infer<typeof venueSchema>;

export const createVenueInputSchema = z.object(venueFields).strict();
export const updateVenueInputSchema = z.object(venueFields).partial().strict();
