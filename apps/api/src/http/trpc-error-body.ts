import { errorStatusByCode, transformer } from "@booking/contracts";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { AppError } from "../errors/app-error.ts";
import { trpcCodeFor } from "../trpc/trpc.ts";

/**
 * An error raised before tRPC runs (authentication, rate limit, body size) on a /trpc
 * path, in the shape tRPC clients read: the same as the errorFormatter's, serialized with
 * the shared transformer, one entry per call of a batch.
 */
export function trpcErrorBody(
  error: AppError,
  requestId: string,
  path: string,
  batch: boolean,
): unknown {
  const trpcCode = trpcCodeFor(error.code);
  const entry = {
    error: transformer.serialize({
      message: error.message,
      code: TRPC_ERROR_CODES_BY_KEY[trpcCode],
      data: {
        code: trpcCode,
        httpStatus: errorStatusByCode[error.code],
        appCode: error.code,
        details: error.details,
        requestId,
      },
    }),
  };
  if (!batch) return entry;
  const calls = path.replace(/^\/trpc\//, "").split(",").length;
  return Array.from({ length: calls }, () => entry);
}
