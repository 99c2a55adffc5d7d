import { defineFeature } from "../app/feature.ts";
import { statisticsProjection } from "./statistics.projection.ts";
import { statisticsRoutes } from "./statistics.rest.ts";
import { statisticsRouter } from "./statistics.trpc.ts";

export const statisticsFeature = defineFeature({
  name: "statistics",
  procedures: { statistics: statisticsRouter },
  restRoutes: statisticsRoutes,
  asyncProjections: () => [statisticsProjection],
});
