import { z } from "zod";
import { nameSchema, text } from "../common/fields.schema.ts";

const resourceFields = {
  name: nameSchema,
  kind: text().trim().min(1).max(50),
  capacity: z.number().int().min(1).max(20),
  active: z.boolean(),
};

export const resourceSchema = z
  .object({ id: z.uuid(), venueId: z.uuid(), ...resourceFields })
  .meta({ id: "Resource" });
export type ResourceDto = z.infer<typeof resourceSchema>;

export const createResourceInputSchema = z
  .object({ ...resourceFields, active: resourceFields.active.default(true) })
  .strict();
export const updateResourceInputSchema = z.object(resourceFields).partial().strict();
