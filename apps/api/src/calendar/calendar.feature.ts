import { defineFeature } from "../app/feature.ts";
import { calendarProjection } from "./calendar.projection.ts";
import { calendarRoutes } from "./calendar.rest.ts";
import { calendarRouter } from "./calendar.trpc.ts";

export const calendarFeature = defineFeature({
  name: "calendar",
  procedures: { calendar: calendarRouter },
  restRoutes: calendarRoutes,
  asyncProjections: () => [calendarProjection],
});
