import { z } from "zod";

type JsonSchema = Record<string, unknown>;

/**
 * Converts a zod schema to JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Schemas named
 * with `.meta({ id })` are collected into `components` and referenced, so a shape that
 * appears in many operations is documented once.
 */
export function toOpenApiSchema(
  schema: z.ZodType,
  io: "input" | "output",
  components: Record<string, JsonSchema>,
): JsonSchema {
  const converted = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = converted;
  for (const [name, definition] of Object.entries((($defs as JsonSchema) ?? {}) as JsonSchema)) {
    components[name] = rewriteRefs(definition) as JsonSchema;
  }
  return rewriteRefs(rest) as JsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        key === "$ref" && typeof inner === "string"
          ? [key, inner.replace("#/$defs/", "#/components/schemas/")]
          : [key, rewriteRefs(inner)],
      ),
    );
  }
  return value;
}
