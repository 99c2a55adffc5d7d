import { type BookingClientErrorInfo, bookingErrorInfo } from "@booking/client";
import { errorEnvelopeSchema } from "@booking/contracts";

/**
 * The contract's error behind a failed call. Errors raised by the server's HTTP middleware
 * (authentication, rate limit) come back as the REST error envelope rather than a tRPC
 * error; the tRPC client then only reports "Unable to transform response", but keeps the
 * body, where the code is.
 */
export function failureInfo(error: unknown): BookingClientErrorInfo | undefined {
  const info = bookingErrorInfo(error);
  if (info) return info;
  const body = (error as { meta?: { responseJSON?: unknown } } | null)?.meta?.responseJSON;
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (!envelope.success) return undefined;
  const { code, message, details, requestId } = envelope.data.error;
  return { code, message, details, requestId };
}

/** One line about a failed call: the contract's code, or why the server was not reached. */
export function describeFailure(error: unknown, url: string): string {
  const info = failureInfo(error);
  if (info) {
    const requestId = info.requestId ? ` (request ${info.requestId})` : "";
    return `Error ${info.code}: ${info.message}${requestId}`;
  }
  // Anything but the client's own error is not about the server (a bug, a full disk…).
  if (!(error instanceof Error) || error.name !== "TRPCClientError") {
    return `Error: ${error instanceof Error ? error.message : String(error)}`;
  }
  const status = (error as { meta?: { response?: { status?: unknown } } } | null)?.meta?.response
    ?.status;
  if (typeof status === "number") {
    return `Unexpected answer from ${url} (HTTP ${status}); is it a booking server?`;
  }
  // fetch's "fetch failed" wraps the useful part, e.g. "connect ECONNREFUSED 127.0.0.1:1".
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return `Cannot reach the booking server at ${url}: ${reason}`;
}
