import { z } from "zod";
import { nameSchema, text } from "../common/fields.schema.ts";
import { currencySchema, timeOfDaySchema } from "./calendar.schemas.ts";

const amountSchema = z.number().int().min(0).max(100_000_000);

export const moneySchema = z.object({ amount: amountSchema, currency: currencySchema });

const staySettingsSchema = z
  .object({
    minNights: z.number().int().min(1).max(365).default(1),
    maxNights: z.number().int().min(1).max(365).default(14),
    checkInTime: timeOfDaySchema().default("15:00"),
    checkOutTime: timeOfDaySchema().default("10:00"),
    perGuestNightly: amountSchema.default(0),
  })
  .refine((stay) => stay.minNights <= stay.maxNights, {
    message: "must not be below minNights",
    path: ["maxNights"],
  });

const slotSettingsSchema = z
  .object({
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    bufferBeforeMinutes: z.number().int().min(0).max(240).default(0),
    bufferAfterMinutes: z.number().int().min(0).max(240).default(0),
    stepMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
  })
  .refine((slot) => (24 * 60) % slot.stepMinutes === 0, {
    message: "must divide a day (e.g. 5, 10, 15, 30, 60)",
    path: ["stepMinutes"],
  });

const bookingQuestionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,49}$/, "must be an identifier"),
    label: text().trim().min(1).max(200),
    type: z.enum(["text", "number", "select"]),
    required: z.boolean(),
    options: z.array(text().trim().min(1).max(200)).min(1).max(50).optional(),
    /** Bounds of a number question's answer, both inclusive. */
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .refine((question) => (question.type === "select") === (question.options !== undefined), {
    message: "select questions need options; others have none",
    path: ["options"],
  })
  .refine(
    (question) =>
      question.type === "number" || (question.min === undefined && question.max === undefined),
    { message: "only number questions have bounds", path: ["min"] },
  )
  .refine(
    (question) =>
      question.min === undefined || question.max === undefined || question.min <= question.max,
    { message: "must not be below min", path: ["max"] },
  );

const common = {
  name: nameSchema,
  resourceIds: z.array(z.uuid()).min(1).max(200),
  price: moneySchema,
  questions: z.array(bookingQuestionSchema).max(30).optional(),
};

const uniqueKeys = (offering: { questions?: { key: string }[] | undefined }) =>
  new Set(offering.questions?.map((question) => question.key)).size ===
  (offering.questions?.length ?? 0);

const stayFields = { ...common, mode: z.literal("stay"), stay: staySettingsSchema };
const slotFields = { ...common, mode: z.literal("slot"), slot: slotSettingsSchema };

export const offeringSchema = z
  .discriminatedUnion("mode", [
    z.object({ id: z.uuid(), venueId: z.uuid(), ...stayFields }),
    z.object({ id: z.uuid(), venueId: z.uuid(), ...slotFields }),
  ])
  .meta({ id: "Offering" });
export type OfferingDto = z.infer<typeof offeringSchema>;

export const createOfferingInputSchema = z
  .discriminatedUnion("mode", [z.object(stayFields).strict(), z.object(slotFields).strict()])
  .refine(uniqueKeys, { message: "question keys must be unique", path: ["questions"] });

/** The mode cannot change; settings of the offering's own mode may. */
export const updateOfferingInputSchema = z
  .object({
    name: nameSchema,
    resourceIds: common.resourceIds,
    price: moneySchema,
    questions: common.questions,
    stay: staySettingsSchema,
    slot: slotSettingsSchema,
  })
  .partial()
  .strict();
