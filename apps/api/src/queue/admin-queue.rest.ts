import { adminQueueQuerySchema, adminQueueSchema } from "@booking/contracts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { queueRouter } from "./admin-queue.trpc.ts";

export const queueRoutes = [
  defineRestRoute({
    method: "get",
    path: "/queue",
    operationId: "getAdminQueue",
    summary: "What waits for an admin: pending bookings and registrations, counted, oldest first",
    tag: "Users",
    query: adminQueueQuerySchema,
    output: adminQueueSchema,
    successStatus: 200,
    procedure: queueRouter.get,
    handler: ({ call, input }) => call(queueRouter.get, input.query),
  }),
];
