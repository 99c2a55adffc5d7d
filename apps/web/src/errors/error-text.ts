import type { BookingClientErrorInfo } from "@booking/client";
import type { MessageKey } from "../i18n/en.ts";

export interface ErrorText {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/**
 * Which dictionary text explains a failed call. The server's own message is English and
 * meant for developers; people get a text in their language, with the server's message
 * only where nothing more specific exists.
 */
export function errorText(
  info: Pick<BookingClientErrorInfo, "code" | "message" | "details"> | undefined,
  fallbackMessage: string,
): ErrorText {
  if (!info) return { key: "errors.unknown", values: { message: fallbackMessage } };
  switch (info.code) {
    case "RATE_LIMITED": {
      const seconds = info.details?.retryAfterSeconds;
      return typeof seconds === "number" && seconds > 0
        ? { key: "errors.RATE_LIMITED_WAIT", values: { minutes: Math.ceil(seconds / 60) } }
        : { key: "errors.RATE_LIMITED" };
    }
    case "RULE_VIOLATION":
      return info.details?.rule === "OWNER_REQUIRED"
        ? { key: "errors.OWNER_REQUIRED" }
        : { key: "errors.RULE_VIOLATION", values: { message: info.message } };
    case "CONCURRENCY_CONFLICT":
    case "INVALID_STATE":
      return { key: "errors.INVALID_STATE" };
    case "ACCOUNT_PENDING":
    case "ACCOUNT_DISABLED":
    case "EMAIL_TAKEN":
    case "VALIDATION_FAILED":
    case "UNAUTHENTICATED":
    case "FORBIDDEN":
    case "NOT_FOUND":
    case "UNAVAILABLE":
      return { key: `errors.${info.code}` };
    default:
      return { key: "errors.unknown", values: { message: info.message } };
  }
}

/** `VALIDATION_FAILED` details as `field → first message`, for messages beside the fields. */
export function fieldErrors(info: Pick<BookingClientErrorInfo, "code" | "details"> | undefined) {
  const result: Record<string, string> = {};
  if (info?.code !== "VALIDATION_FAILED" || !info.details) return result;
  for (const [field, messages] of Object.entries(info.details)) {
    if (Array.isArray(messages) && typeof messages[0] === "string") result[field] = messages[0];
  }
  return result;
}
