import { z } from "zod";
import { AppError } from "../errors/app-error.ts";

/**
 * Keyset paging: the cursor is the sort key of the last item shown, opaque to clients.
 * A cursor that does not decode to the expected key is the client's mistake: 400, never
 * a value that reaches SQL unchecked.
 */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** (timestamp, id): the key of lists ordered by a time and then the id. */
export const timeAndIdCursor = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);
/** (offset): the key of lists ordered by something computed (distance). */
export const offsetCursor = z.tuple([z.number().int().min(0).max(1_000_000)]);

export function decodeCursor<Key extends z.ZodType>(cursor: string, key: Key): z.output<Key> {
  try {
    const parsed = key.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through to the same answer
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", {
    details: { cursor: ["is not a cursor this API gave out"] },
  });
}
