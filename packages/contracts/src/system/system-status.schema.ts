import { z } from "zod";

export const systemStatusSchema = z
  .object({
    version: z.string().describe("Version of the running server"),
    uptimeSeconds: z.number().int().nonnegative(),
    database: z.object({
      version: z.string().describe("PostgreSQL server version, e.g. 18.1"),
    }),
    migrations: z.object({
      applied: z.number().int().nonnegative(),
      pending: z.number().int().nonnegative(),
    }),
  })
  .meta({ id: "SystemStatus" });

export type SystemStatus = z.infer<typeof systemStatusSchema>;
