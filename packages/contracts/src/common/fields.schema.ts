import { z } from "zod";

/** Trimmed and lower-cased, as api.md requires for every e-mail address. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email("must be an e-mail address"))
  .transform((email) => email.toLowerCase());

/**
 * A string the database can store: PostgreSQL text and jsonb cannot hold the NUL
 * character, so it is refused here (400) rather than failing deep inside (500).
 */
export function text() {
  return z
    .string()
    .refine((value) => !value.includes("\u0000"), "must not contain the NUL character");
}

export const nameSchema = text().trim().min(1, "must not be empty").max(200);
export const phoneSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^\+?[0-9 ()./-]+$/, "must be a phone number");
export const passwordSchema = z.string().min(10, "must have at least 10 characters").max(200);
export const reasonSchema = text().trim().min(1, "must not be empty").max(2000);
export const idSchema = z.uuid();
export const idParamsSchema = z.object({ id: idSchema });
