import { z } from "zod";

/** Query of every list (docs/api.md): `limit` 1–200, default 50; an opaque `cursor`. */
export const pageQuerySchema = z.object({
  cursor: z.string().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Every list answers `{items, nextCursor}`; `nextCursor` is null at the end. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
