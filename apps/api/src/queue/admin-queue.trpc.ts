import { adminQueueQuerySchema, adminQueueSchema } from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { procedure } from "../trpc/trpc.ts";
import { adminQueue } from "./admin-queue.queries.ts";

export const queueRouter = {
  get: procedure("admin")
    .input(adminQueueQuerySchema)
    .output(adminQueueSchema)
    .query(({ ctx, input }) => adminQueue(ctx, input)),
} satisfies TRPCRouterRecord;
