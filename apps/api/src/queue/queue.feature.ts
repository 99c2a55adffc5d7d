import { defineFeature } from "../app/feature.ts";
import { queueRoutes } from "./admin-queue.rest.ts";
import { queueRouter } from "./admin-queue.trpc.ts";

/** The admin's queue: what waits for a decision, across bookings and accounts. */
export const queueFeature = defineFeature({
  name: "queue",
  procedures: { queue: queueRouter },
  restRoutes: queueRoutes,
});
