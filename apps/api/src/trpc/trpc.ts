import { type ErrorCode, errorStatusByCode, transformer } from "@booking/contracts";
import { type AnyTRPCProcedure, initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { toAppError } from "../errors/to-app-error.ts";
import { type Access, type AuthorizedPrincipal, authorize } from "../identity/access.ts";
import type { TrpcContext } from "./context.ts";

/** Read by the authorization check, the REST routes' direct path and the matrix test. */
export interface ProcedureMeta {
  access: readonly Access[];
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    // tRPC clients see the same code, message and details as REST clients.
    errorFormatter({ shape, error, ctx }) {
      const appError = toAppError(error);
      return {
        ...shape,
        message: appError.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          appCode: appError.code,
          details: appError.details,
          requestId: ctx?.requestId,
        },
      };
    },
  });

const trpcCodeByStatus: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_SUPPORTED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "UNPROCESSABLE_CONTENT",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
  503: "SERVICE_UNAVAILABLE",
};

export function trpcCodeFor(code: ErrorCode): TRPC_ERROR_CODE_KEY {
  return trpcCodeByStatus[errorStatusByCode[code]] ?? "INTERNAL_SERVER_ERROR";
}

// Every procedure's failures pass through here once, so the tRPC status always matches
// the REST status of the same error code.
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) return result;
  const appError = toAppError(result.error);
  if (appError.code === "INTERNAL") {
    ctx.logger.error({ err: result.error.cause ?? result.error }, "unexpected error");
  }
  throw new TRPCError({
    code: trpcCodeFor(appError.code),
    message: appError.message,
    cause: appError,
  });
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The only way to define a procedure: it declares who may call it, and the check runs
 * before its input is read. `ctx.principal` is narrowed to what the declaration lets in
 * (a user for member, admin and owner procedures).
 */
export function procedure<A extends Access>(...access: [A, ...A[]]) {
  return t.procedure
    .meta({ access })
    .use(mapErrors)
    .use(({ ctx, next }) =>
      next({
        ctx: { principal: authorize(access, ctx.principal) as AuthorizedPrincipal<A> },
      }),
    );
}

/** A procedure's access declaration; every procedure has one (`procedure` is the only way in). */
export function accessOf(procedure: AnyTRPCProcedure): readonly Access[] {
  const meta = procedure._def.meta as ProcedureMeta | undefined;
  if (!meta?.access) throw new Error("A procedure without an access declaration");
  return meta.access;
}
