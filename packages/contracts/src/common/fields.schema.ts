import { z } from "zod";
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PHONE_MAX_LENGTH,
  TEXT_MAX_LENGTH,
} from "./limits.ts";

/** Trimmed and lower-cased, as docs/api.md requires for every e-mail address. */
export const emailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX_LENGTH)
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

export const nameSchema = text().trim().min(1, "must not be empty").max(NAME_MAX_LENGTH);
export const phoneSchema = z
  .string()
  .trim()
  .min(3)
  .max(PHONE_MAX_LENGTH)
  .regex(/^\+?[0-9 ()./-]+$/, "must be a phone number");
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must have at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);
export const reasonSchema = text().trim().min(1, "must not be empty").max(TEXT_MAX_LENGTH);
export const idSchema = z.uuid();
export const idParamsSchema = z.object({ id: idSchema });
