import { type ErrorEnvelope, errorStatusByCode } from "@booking/contracts";
import type { AppError } from "./app-error.ts";

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorEnvelope;
}

/** The REST error envelope of docs/api.md for an AppError. */
export function errorResponse(error: AppError, requestId: string): ErrorResponse {
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined) {
    headers["Retry-After"] = String(error.retryAfterSeconds);
  }
  // The rest of an oversized body is still on the wire: the connection cannot be reused.
  if (error.code === "PAYLOAD_TOO_LARGE") headers.Connection = "close";
  return {
    status: errorStatusByCode[error.code],
    headers,
    body: {
      error: {
        code: error.code,
        message: error.message,
        requestId,
        ...(error.details ? { details: error.details } : {}),
      },
    },
  };
}
