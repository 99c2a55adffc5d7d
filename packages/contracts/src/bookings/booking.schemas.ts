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
import { GUESTS_INPUT_MAX, GUESTS_INPUT_MIN, TEXT_MAX_LENGTH } from "../common/limits.ts";
import { pageQuerySchema } from "../common/page.schema.ts";
import { languageSchema } from "../users/user.schemas.ts";

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

const notesSchema = text().trim().max(TEXT_MAX_LENGTH);
const answersSchema = z.record(
  text().max(50),
  z.union([text().max(TEXT_MAX_LENGTH), z.number().finite()]),
);
const guestsSchema = z.number().int().min(GUESTS_INPUT_MIN).max(GUESTS_INPUT_MAX);

/** `language`: of the mails about the booking (absent: the venue's). */
const guestContactSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    phone: phoneSchema,
    language: languageSchema.optional(),
  })
  .strict();

const instantSchema = z.iso.datetime({ offset: true });

/** Create body of POST /holds and POST /bookings (docs/api.md, "Bookings"). */
export const createBookingInputSchema = z
  .object({
    offeringId: z.uuid(),
    resourceIds: z.array(z.uuid()).min(1).max(20).optional(),
    checkIn: localDateSchema.optional(),
    checkOut: localDateSchema.optional(),
    start: instantSchema.optional(),
    guests: guestsSchema,
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
export type CreateBookingInput = z.infer<typeof createBookingInputSchema>;

/** Submitting a hold: the form's last fields (notes, the booking questions' answers, a guest's contact). */
export const submitHoldInputSchema = z
  .object({
    holdId: z.uuid(),
    notes: notesSchema.optional(),
    answers: answersSchema.optional(),
    guest: guestContactSchema.optional(),
  })
  .strict();
export type SubmitHoldInput = z.infer<typeof submitHoldInputSchema>;

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
      z.object({
        guest: z.object({
          name: z.string(),
          email: z.string(),
          phone: z.string(),
          language: languageSchema.optional(),
        }),
      }),
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
  /** Words that the booker's name or e-mail address, or the notes, contain (any case). */
  q: text().trim().min(1, "must not be empty").max(200).optional(),
});

const userIdsSchema = z.array(z.uuid()).min(1).max(100);

/** Staff look up the people named in bookings (bookers, and who acted in a history). */
export const bookingPeopleInputSchema = z.object({ userIds: userIdsSchema }).strict();

/** The same over REST: `?userIds=<id>,<id>`. */
export const bookingPeopleQuerySchema = z
  .object({
    userIds: z
      .string()
      .max(4000)
      .transform((ids) => ids.split(","))
      .pipe(userIdsSchema),
  })
  .strict();

/**
 * PATCH /bookings/{id}: absent fields stay; `notes: null` clears them; `answers` replaces all
 * answers. The change is decided as a whole: it applies completely or not at all.
 */
export const updateBookingInputSchema = z
  .object({
    checkIn: localDateSchema.optional(),
    checkOut: localDateSchema.optional(),
    start: instantSchema.optional(),
    resourceIds: z.array(z.uuid()).min(1).max(20).optional(),
    guests: guestsSchema.optional(),
    notes: notesSchema.nullable().optional(),
    answers: answersSchema.optional(),
  })
  .strict();
export type UpdateBookingInput = z.infer<typeof updateBookingInputSchema>;

export const cancelBookingInputSchema = z.object({ reason: reasonSchema.optional() }).strict();
export const rejectBookingInputSchema = z.object({ reason: reasonSchema }).strict();

export const idempotencyKeySchema = text().min(1).max(200, "must be at most 200 characters");
