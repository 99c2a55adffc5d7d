import { bookingErrorInfo } from "@booking/client";

/**
 * Whether a failed read means "there is no such thing": unknown, or an id so malformed
 * (a hand-edited URL) that the server refused it before looking.
 */
export function isMissing(error: unknown): boolean {
  const code = bookingErrorInfo(error)?.code;
  return code === "NOT_FOUND" || code === "VALIDATION_FAILED";
}
