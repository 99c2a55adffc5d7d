import { monthlyStatisticsQuerySchema, monthlyStatisticsSchema } from "@booking/contracts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { statisticsRouter } from "./statistics.trpc.ts";

export const statisticsRoutes = [
  defineRestRoute({
    method: "get",
    path: "/stats/monthly",
    operationId: "getMonthlyStatistics",
    summary:
      "A venue's bookings, guests, nights, revenue and occupancy per month of a year (read model; may lag the log)",
    tag: "Statistics",
    query: monthlyStatisticsQuerySchema,
    output: monthlyStatisticsSchema,
    successStatus: 200,
    procedure: statisticsRouter.monthly,
    handler: ({ call, input }) => call(statisticsRouter.monthly, input.query),
  }),
];
