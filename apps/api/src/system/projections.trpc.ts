import { pageSchema, projectionParamsSchema, projectionSchema } from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { procedure } from "../trpc/trpc.ts";
import { listProjections, rebuildProjection, retryProjection } from "./projections.service.ts";

const projection = z.object({ projection: projectionSchema });

/** The asynchronous read models: their state, and rebuilding or resuming one. */
export const projectionsRouter = {
  list: procedure("admin")
    .output(pageSchema(projectionSchema))
    .query(async ({ ctx }) => ({ items: await listProjections(ctx), nextCursor: null })),
  rebuild: procedure("admin")
    .input(projectionParamsSchema)
    .output(projection)
    .mutation(async ({ ctx, input }) => ({
      projection: await rebuildProjection(ctx, input.name),
    })),
  retry: procedure("admin")
    .input(projectionParamsSchema)
    .output(projection)
    .mutation(async ({ ctx, input }) => ({ projection: await retryProjection(ctx, input.name) })),
} satisfies TRPCRouterRecord;
