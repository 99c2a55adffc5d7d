import { AppError } from "../errors/app-error.ts";

/**
 * Keyset paging: the cursor is the sort key of the last item shown, opaque to clients.
 * A cursor that does not decode is the client's mistake: 400.
 */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((value) => typeof value === "string" || typeof value === "number")
    ) {
      return values;
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", {
    details: { cursor: ["is not a cursor this API gave out"] },
  });
}
