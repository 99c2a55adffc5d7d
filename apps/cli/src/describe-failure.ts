import { type BookingClientErrorInfo, bookingErrorInfo } from "@booking/client";

/** The contract's error behind a failed call, or undefined when the server was not reached. */
export function failureInfo(error: unknown): BookingClientErrorInfo | undefined {
  return bookingErrorInfo(error);
}

/** One line about a failed call: the contract's code, or why the server was not reached. */
export function describeFailure(error: unknown, url: string): string {
  const info = failureInfo(error);
  if (info) {
    const requestId = info.requestId ? ` (request ${info.requestId})` : "";
    return `Error ${info.code}: ${info.message}${detailText(info)}${requestId}`;
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

/** The contract's details that tell what to do next: which resources, which rule, which state. */
function detailText({ code, details }: BookingClientErrorInfo): string {
  if (code === "SLOT_UNAVAILABLE" && Array.isArray(details?.resourceIds)) {
    return details.resourceIds.length > 0 ? ` Taken: ${details.resourceIds.join(", ")}.` : "";
  }
  if (code === "RULE_VIOLATION" && typeof details?.rule === "string") {
    return ` (rule ${details.rule})`;
  }
  if (code === "INVALID_STATE" && typeof details?.current === "string") {
    return ` (current status: ${details.current})`;
  }
  return "";
}
