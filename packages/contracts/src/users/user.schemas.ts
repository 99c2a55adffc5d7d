import { z } from "zod";
import {
  emailSchema,
  nameSchema,
  passwordSchema,
  phoneSchema,
  reasonSchema,
  text,
} from "../common/fields.schema.ts";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "../common/limits.ts";
import { pageQuerySchema } from "../common/page.schema.ts";

export const roleSchema = z.enum(["owner", "admin", "member"]);
export type Role = z.infer<typeof roleSchema>;

export const userStatusSchema = z.enum(["pending", "active", "rejected", "disabled", "erased"]);
export type UserStatus = z.infer<typeof userStatusSchema>;

/** The languages the web app and e-mails speak. */
export const languageSchema = z.enum(["de", "en"]);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    phone: z.string().optional(),
    role: roleSchema,
    status: userStatusSchema,
    /** Preferred language of the web app and e-mails; absent: the venue's. */
    language: languageSchema.optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;

export const userEnvelopeSchema = z.object({ user: userSchema });

export const registerInputSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    name: nameSchema,
    phone: phoneSchema.optional(),
    /** The language of the web app and of e-mails; absent: the venue's. */
    language: languageSchema.optional(),
  })
  .strict();
export type RegisterInput = z.infer<typeof registerInputSchema>;

// Login accepts any address it might find (normalized, not re-validated): an account made
// under older validation rules must still be able to log in.
export const loginInputSchema = z
  .object({
    email: text()
      .trim()
      .min(1)
      .max(EMAIL_MAX_LENGTH)
      .transform((email) => email.toLowerCase()),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export const loginOutputSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: userSchema,
});

export const listUsersQuerySchema = pageQuerySchema.extend({
  status: userStatusSchema.optional(),
});

export const rejectUserInputSchema = z.object({ reason: reasonSchema }).strict();
export const changeRoleInputSchema = z.object({ role: roleSchema }).strict();

/** PATCH /me: absent fields stay; `null` clears the phone or the language preference. */
export const updateProfileInputSchema = z
  .object({
    name: nameSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    language: languageSchema.nullable().optional(),
  })
  .strict();

export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: passwordSchema,
  })
  .strict();
