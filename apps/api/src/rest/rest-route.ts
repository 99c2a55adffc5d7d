import type { AnyTRPCProcedure, inferProcedureInput, inferProcedureOutput } from "@trpc/server";
import type { z } from "zod";
import type { TrpcContext } from "../trpc/context.ts";
import { accessOf } from "../trpc/trpc.ts";

/** Calls one procedure with the request's context: its access check, input and output schemas. */
export type CallProcedure = <P extends AnyTRPCProcedure>(
  procedure: P,
  input: inferProcedureInput<P>,
) => Promise<inferProcedureOutput<P>>;

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export interface RestRouteInput<
  P extends ObjectSchema | undefined,
  Q extends ObjectSchema | undefined,
  B extends z.ZodType | undefined,
> {
  params: P extends ObjectSchema ? z.output<P> : undefined;
  query: Q extends ObjectSchema ? z.output<Q> : undefined;
  body: B extends z.ZodType ? z.output<B> : undefined;
}

/**
 * One REST operation: the procedure it is the twin of (whose access declaration it shares),
 * its schemas (shared with that procedure, so the OpenAPI document cannot drift from the
 * code) and a handler that calls the procedure.
 */
export interface RestRoute<
  P extends ObjectSchema | undefined = ObjectSchema | undefined,
  Q extends ObjectSchema | undefined = ObjectSchema | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: "get" | "post" | "patch" | "delete";
  /** Below /api/v1, Hono syntax: `/bookings/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The procedure behind the operation: who may call it is declared there. */
  procedure: AnyTRPCProcedure;
  /**
   * Other procedures the handler may call for this path (POST /bookings also submits
   * holds); each must declare the same access as `procedure`.
   */
  alsoCalls?: AnyTRPCProcedure[];
  params?: P;
  query?: Q;
  body?: B;
  /**
   * When one path takes two kinds of body (POST /bookings: a create body or `{holdId}`),
   * picks the schema to validate this body with; `body` is then their union, for the docs.
   */
  bodyFor?: (raw: unknown) => z.ZodType;
  /** Request headers the operation reads (documented as header parameters). */
  headers?: Record<string, { description: string; schema: z.ZodType }>;
  /** Undefined for `204 No Content`. */
  output?: z.ZodType;
  /**
   * Answer with a file instead of JSON: the handler returns a `FileAnswer`, and the response
   * carries its content with this media type. `conditional`: the handler may answer
   * `{notModified: true}` (a conditional GET whose ETag still matches: 304, no body).
   */
  file?: { mediaType: string; conditional?: boolean };
  successStatus: 200 | 201 | 204;
  /**
   * For hot operations: answers without the tRPC caller, through the same service function
   * the procedure calls (so the same rules and errors), after the same access check (the
   * procedure's declaration). Bytes are sent as JSON as they are, anything else is
   * serialized. `handler` still serves as the reference; tests compare the two answers.
   */
  direct?: (args: {
    ctx: TrpcContext;
    input: RestRouteInput<P, Q, B>;
    header: (name: string) => string | undefined;
  }) => Promise<unknown>;
  handler: (args: {
    call: CallProcedure;
    input: RestRouteInput<P, Q, B>;
    header: (name: string) => string | undefined;
  }) => Promise<unknown>;
}

/**
 * What the handler of a `file` route returns: the content (as an attachment when it has a
 * filename, else inline) with extra response headers (ETag, Cache-Control), or, for a
 * conditional route, 304 Not Modified with those headers.
 */
export type FileAnswer =
  | {
      /** A stream is sent as it is read (the backup). */
      content: string | ReadableStream<Uint8Array>;
      filename?: string;
      headers?: Record<string, string>;
    }
  | { notModified: true; headers?: Record<string, string> };

export function defineRestRoute<
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(route: RestRoute<P, Q, B>): RestRoute<P, Q, B> {
  const access = accessOf(route.procedure).join();
  for (const other of route.alsoCalls ?? []) {
    if (accessOf(other).join() !== access) {
      throw new Error(`${route.operationId}: every procedure it calls must declare ${access}`);
    }
  }
  return route;
}
