import { z } from "zod";
import { nameSchema } from "../common/fields.schema.ts";

export const createApiTokenInputSchema = z.object({ name: nameSchema }).strict();

/** The secret is shown once, at creation; only its hash is stored. */
export const createdApiTokenSchema = z.object({ id: z.uuid(), token: z.string() });

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiToken" });
