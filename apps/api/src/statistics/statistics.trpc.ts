import { monthlyStatisticsQuerySchema, monthlyStatisticsSchema } from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { procedure } from "../trpc/trpc.ts";
import { monthlyStatistics } from "./statistics.queries.ts";

export const statisticsRouter = {
  monthly: procedure("admin")
    .input(monthlyStatisticsQuerySchema)
    .output(monthlyStatisticsSchema)
    .query(({ ctx, input }) => monthlyStatistics(ctx, input)),
} satisfies TRPCRouterRecord;
