import { z } from "zod";
import { localDateSchema } from "../catalog/calendar.schemas.ts";
import { moneySchema } from "../catalog/offering.schemas.ts";
import {
  emailSchema,
  nameSchema,
  phoneSchema,
  reasonSchema,
  text,
} from "../common/fields.schema.ts";
import { pageQuerySchema } from "../common/page.schema.ts";

export const bookingStatusSchema = z.enum([
  "held",
  "pending",
  "confirmed",
  "completed",
  "rejected",
  "cancelled",
  "expired",
  "no_show",
]);

const notesSchema = text().trim().max(2000);
const answersSchema = z.record(text().max(50), z.union([text().max(2000), z.number().finite()]));

export const guestContactSchema = z
  .object({ name: nameSchema, email: emailSchema, phone: phoneSchema })
  .strict();

const instantSchema = z.iso.datetime({ offset: true });

/** Create body of POST /holds and POST /bookings (api.md, "Bookings"). */
export const createBookingInputSchema = z
  .object({
    offeringId: z.uuid(),
    resourceIds: z.array(z.uuid()).min(1).max(20).optional(),
    checkIn: localDateSchema.optional(),
    checkOut: localDateSchema.optional(),
    start: instantSchema.optional(),
    guests: z.number().int().min(1).max(1000),
    notes: notesSchema.optional(),
    answers: answersSchema.optional(),
    guest: guestContactSchema.optional(),
  })
  .strict()
  .superRefine((body, context) => {
    const stay = body.checkIn !== undefined || body.checkOut !== undefined;
    if (stay && body.start !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["start"],
        message: "a stay has checkIn/checkOut, a slot a start",
      });
    }
    if (stay && (body.checkIn === undefined || body.checkOut === undefined)) {
      context.addIssue({
        code: "custom",
        path: [body.checkIn ? "checkOut" : "checkIn"],
        message: "is required for a stay",
      });
    }
    if (body.checkIn && body.checkOut && body.checkOut <= body.checkIn) {
      context.addIssue({ code: "custom", path: ["checkOut"], message: "must be after checkIn" });
    }
    if (!stay && body.start === undefined) {
      context.addIssue({
        code: "custom",
        path: ["start"],
        message: "give checkIn/checkOut (stay) or start (slot)",
      });
    }
  });

export const submitHoldInputSchema = z
  .object({ holdId: z.uuid(), notes: notesSchema.optional(), guest: guestContactSchema.optional() })
  .strict();

export const bookingSchema = z
  .object({
    id: z.uuid(),
    venueId: z.uuid(),
    offeringId: z.uuid(),
    resourceIds: z.array(z.uuid()),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    checkIn: localDateSchema.optional(),
    checkOut: localDateSchema.optional(),
    guests: z.number().int(),
    status: bookingStatusSchema,
    holdExpiresAt: z.iso.datetime().optional(),
    price: moneySchema,
    bookedBy: z.union([
      z.object({ userId: z.uuid() }),
      z.object({ guest: z.object({ name: z.string(), email: z.string(), phone: z.string() }) }),
    ]),
    notes: z.string().optional(),
    answers: answersSchema.optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: "Booking" });
export type BookingDto = z.infer<typeof bookingSchema>;

export const createdBookingSchema = z.object({
  booking: bookingSchema,
  manageToken: z.string().optional(),
});

export const bookingHistoryEntrySchema = z.object({
  type: z.string(),
  at: z.iso.datetime(),
  actor: z.union([
    z.object({ userId: z.uuid() }),
    z.object({ guest: z.literal(true) }),
    z.object({ system: z.literal(true) }),
  ]),
  reason: z.string().optional(),
});

export const listBookingsQuerySchema = pageQuerySchema.extend({
  status: bookingStatusSchema.optional(),
  venueId: z.uuid().optional(),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});

/** PATCH /bookings/{id}: absent fields stay; `notes: null` clears them. */
export const updateBookingInputSchema = z
  .object({
    checkIn: localDateSchema.optional(),
    checkOut: localDateSchema.optional(),
    start: instantSchema.optional(),
    resourceIds: z.array(z.uuid()).min(1).max(20).optional(),
    guests: z.number().int().min(1).max(1000).optional(),
    notes: notesSchema.nullable().optional(),
  })
  .strict();

export const cancelBookingInputSchema = z.object({ reason: reasonSchema.optional() }).strict();
export const rejectBookingInputSchema = z.object({ reason: reasonSchema }).strict();

export const idempotencyKeySchema = text().min(1).max(200, "must be at most 200 characters");
