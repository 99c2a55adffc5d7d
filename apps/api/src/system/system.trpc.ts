import { systemStatusSchema } from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { procedure } from "../trpc/trpc.ts";
import { readSystemStatus } from "./system-status.ts";

export const systemRouter = {
  status: procedure("anyone")
    .output(systemStatusSchema)
    .query(({ ctx }) => readSystemStatus(ctx.deps, ctx.now())),
} satisfies TRPCRouterRecord;
