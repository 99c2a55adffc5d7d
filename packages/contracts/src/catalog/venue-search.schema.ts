import { z } from "zod";
import { text } from "../common/fields.schema.ts";
import { pageQuerySchema } from "../common/page.schema.ts";

/** `near=<lat>,<lng>` orders by distance; `radiusKm` bounds it; `postalCode` is a prefix. */
export const venueSearchQuerySchema = pageQuerySchema.extend({
  postalCode: text().trim().min(1).max(20).optional(),
  // Stays a string (parsed by parseLatLng): REST validates a query before the procedure
  // validates it again, so every contract schema must give the same result twice.
  near: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, "must be <lat>,<lng>")
    .refine((value) => {
      const { lat, lng } = parseLatLng(value);
      return Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    }, "is not on Earth")
    .optional(),
  radiusKm: z.coerce.number().positive().max(20_000).optional(),
});

export function parseLatLng(value: string): { lat: number; lng: number } {
  const [lat = 0, lng = 0] = value.split(",").map(Number);
  return { lat, lng };
}
