import { systemStatusSchema } from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { readSystemStatus } from "../../system/system-status.ts";
import { publicProcedure } from "../trpc.ts";

export const systemRouter = {
  status: publicProcedure
    .output(systemStatusSchema)
    .query(({ ctx }) => readSystemStatus(ctx.deps, ctx.now())),
} satisfies TRPCRouterRecord;
