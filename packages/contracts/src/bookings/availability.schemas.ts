import { z } from "zod";
import { localDateSchema } from "../catalog/calendar.schemas.ts";
import { GUESTS_INPUT_MAX, GUESTS_INPUT_MIN } from "../common/limits.ts";

export const availabilityQuerySchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    guests: z.coerce.number().int().min(GUESTS_INPUT_MIN).max(GUESTS_INPUT_MAX).optional(),
  })
  .refine((query) => query.from < query.to, { message: "must be after from", path: ["to"] })
  .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 <= 92, {
    message: "at most 92 days after from",
    path: ["to"],
  });

export const slotsQuerySchema = z.object({ date: localDateSchema });

const slotSchema = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  freeResourceIds: z.array(z.uuid()),
});

export const availabilityOutputSchema = z.union([
  z.object({
    nights: z.array(z.object({ date: localDateSchema, freeResourceIds: z.array(z.uuid()) })),
  }),
  z.object({ slots: z.array(slotSchema) }),
]);

export const slotsOutputSchema = z.object({ slots: z.array(slotSchema) });

export const quoteInputSchema = z
  .object({
    offeringId: z.uuid(),
    resourceIds: z.array(z.uuid()).min(1).max(20).optional(),
    checkIn: localDateSchema.optional(),
    checkOut: localDateSchema.optional(),
    start: z.iso.datetime({ offset: true }).optional(),
    guests: z.number().int().min(GUESTS_INPUT_MIN).max(GUESTS_INPUT_MAX),
  })
  .strict();

export const quoteOutputSchema = z.object({
  price: z.object({
    amount: z.number().int(),
    currency: z.string(),
    lines: z.array(
      z.object({
        label: z.string(),
        quantity: z.number(),
        unitAmount: z.number().int(),
        amount: z.number().int(),
      }),
    ),
  }),
});
