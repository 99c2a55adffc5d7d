import { systemStatusSchema } from "@booking/contracts";
import { defineRestRoute } from "../rest/rest-route.ts";

export const systemRoutes = [
  defineRestRoute({
    method: "get",
    path: "/status",
    operationId: "getStatus",
    summary: "Server version, uptime, database version and migration state",
    tag: "System",
    output: systemStatusSchema,
    successStatus: 200,
    handler: ({ caller }) => caller.system.status(),
  }),
];
