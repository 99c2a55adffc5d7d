import { errorEnvelopeSchema } from "@booking/contracts";
import type { z } from "zod";
import { toOpenApiSchema } from "./json-schema.ts";
import type { RestRoute } from "./rest-route.ts";

type JsonObject = Record<string, unknown>;

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, JsonObject> };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(
  // biome-ignore lint/suspicious/noExplicitAny: routes differ in their schemas
  routes: RestRoute<any, any, any>[],
  options: { basePath: string; version: string },
): OpenApiDocument {
  const schemas: Record<string, JsonObject> = {};
  const errorSchema = toOpenApiSchema(errorEnvelopeSchema, "output", schemas);
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) {
    const path = `${options.basePath}${route.path}`.replace(/:(\w+)/g, "{$1}");
    const operation: JsonObject = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parameters(route.params, "path", schemas),
        ...parameters(route.query, "query", schemas),
        ...Object.entries(route.headers ?? {}).map(([name, header]) => ({
          name,
          in: "header",
          required: false,
          description: header.description,
          schema: toOpenApiSchema(header.schema, "input", schemas),
        })),
      ],
      responses: {
        [route.successStatus]: route.file
          ? {
              description: "The file",
              content: { [route.file.mediaType]: { schema: { type: "string" } } },
            }
          : route.output
            ? {
                description: "Success",
                content: {
                  "application/json": { schema: toOpenApiSchema(route.output, "output", schemas) },
                },
              }
            : { description: "Success, no content" },
        ...(route.file?.conditional
          ? { 304: { description: "Not modified: the If-None-Match ETag is still current" } }
          : {}),
        default: {
          description: "Error (see the error codes of the API)",
          content: { "application/json": { schema: errorSchema } },
        },
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: !route.body.safeParse(undefined).success,
        content: { "application/json": { schema: toOpenApiSchema(route.body, "input", schemas) } },
      };
    }
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Booking API",
      version: options.version,
      description:
        "REST API of the booking system. Every error answers the envelope " +
        "`{error: {code, message, requestId, details?}}`.",
    },
    paths,
    components: { schemas },
  };
}

function parameters(
  schema: z.ZodObject<z.ZodRawShape> | undefined,
  location: "path" | "query",
  schemas: Record<string, JsonObject>,
): JsonObject[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: location,
    required: location === "path" || !(field as z.ZodType).safeParse(undefined).success,
    schema: toOpenApiSchema(field as z.ZodType, "input", schemas),
  }));
}
