import { type ErrorCode, isErrorCode } from "@booking/contracts";
import { TRPCClientError } from "@trpc/client";

export interface BookingClientErrorInfo {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown> | undefined;
  requestId: string | undefined;
}

/** The contract's error code and details behind a failed call, or undefined for other errors. */
export function bookingErrorInfo(error: unknown): BookingClientErrorInfo | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data = error.data as
    | { appCode?: unknown; details?: unknown; requestId?: unknown }
    | undefined;
  if (!isErrorCode(data?.appCode)) return undefined;
  return {
    code: data.appCode,
    message: error.message,
    details: (data.details as Record<string, unknown> | undefined) ?? undefined,
    requestId: typeof data.requestId === "string" ? data.requestId : undefined,
  };
}
