import { TRPCError } from "@trpc/server";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import { AppError } from "./app-error.ts";
import { isDatabaseUnavailable } from "./database-unavailable.ts";
import { validationDetails } from "./validation-details.ts";

/**
 * The one place where anything thrown becomes an error of the contract. Whatever is not
 * recognised is a bug: it becomes INTERNAL and its message never reaches the client.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError) return fromTrpcError(error);
  if (error instanceof ZodError) {
    return new AppError("VALIDATION_FAILED", "The request is not valid.", {
      details: validationDetails(error),
      cause: error,
    });
  }
  if (error instanceof HTTPException) return fromHttpException(error);
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
  return new AppError("INTERNAL", "An unexpected error occurred.", { cause: error });
}

/** 503 UNAVAILABLE: the database is away (docs/api.md); clients retry after a few seconds. */
export function databaseUnavailable(cause?: unknown): AppError {
  return new AppError("UNAVAILABLE", "The database is not available; try again shortly.", {
    retryAfterSeconds: 5,
    cause,
  });
}

function fromTrpcError(error: TRPCError): AppError {
  if (error.cause) {
    const fromCause = toAppError(error.cause);
    if (fromCause.code !== "INTERNAL") return fromCause;
  }
  switch (error.code) {
    case "PARSE_ERROR":
      return new AppError("BAD_REQUEST", "The request body is not valid JSON.", { cause: error });
    case "BAD_REQUEST":
      return new AppError("BAD_REQUEST", error.message, { cause: error });
    case "NOT_FOUND":
      return new AppError("NOT_FOUND", "No such procedure.", { cause: error });
    case "METHOD_NOT_SUPPORTED":
      return new AppError("METHOD_NOT_ALLOWED", error.message, { cause: error });
    case "PAYLOAD_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 1 MB.");
    case "UNSUPPORTED_MEDIA_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", error.message, { cause: error });
    default:
      return new AppError("INTERNAL", "An unexpected error occurred.", { cause: error });
  }
}

function fromHttpException(error: HTTPException): AppError {
  if (error.status === 413) {
    return new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 1 MB.");
  }
  if (error.status === 400) return new AppError("BAD_REQUEST", error.message, { cause: error });
  return new AppError("INTERNAL", "An unexpected error occurred.", { cause: error });
}
