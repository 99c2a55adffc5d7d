import { systemStatusSchema } from "@booking/contracts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { systemRouter } from "./system.trpc.ts";

export const systemRoutes = [
  defineRestRoute({
    method: "get",
    path: "/status",
    operationId: "getStatus",
    summary: "Server version, uptime, database version and migration state",
    tag: "System",
    output: systemStatusSchema,
    successStatus: 200,
    procedure: systemRouter.status,
    handler: ({ call }) => call(systemRouter.status, undefined),
  }),
];
