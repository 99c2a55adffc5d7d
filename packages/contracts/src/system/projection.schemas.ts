import { z } from "zod";

/** Lower-case letters, digits and `_`, starting with a letter (a PostgreSQL identifier). */
export const projectionNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "must be a projection name (see GET /projections)");

export const projectionParamsSchema = z.object({ name: projectionNameSchema });

/** Where a reader of the global log stands: after this transaction and position. */
export const logPositionSchema = z
  .object({
    transactionId: z.string().describe("PostgreSQL xid8 of the last event read, as a decimal"),
    globalPosition: z.number().int().nonnegative(),
  })
  .meta({ id: "LogPosition" });

const failureSchema = z
  .object({ message: z.string(), at: z.iso.datetime() })
  .nullable()
  .describe("Why the handler stopped; null while it runs");

/**
 * An asynchronous read model (docs/api.md, "Projections"): where it stands in the log, how
 * far behind it is, whether it failed, and a rebuild in progress.
 */
export const projectionSchema = z
  .object({
    name: projectionNameSchema,
    tables: z.array(z.string()).describe("The tables it alone writes"),
    state: z
      .enum(["running", "failed", "rebuilding"])
      .describe("rebuilding: the current rows are served until the rebuilt ones catch up"),
    lag: z.number().int().nonnegative().describe("Committed events it has not handled yet"),
    position: logPositionSchema,
    failure: failureSchema,
    rebuild: z
      .object({
        requestedAt: z.iso.datetime(),
        lag: z.number().int().nonnegative(),
        position: logPositionSchema,
        failure: failureSchema,
      })
      .nullable(),
  })
  .meta({ id: "Projection" });

export type ProjectionDto = z.infer<typeof projectionSchema>;
