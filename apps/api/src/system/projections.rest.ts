import { pageSchema, projectionParamsSchema, projectionSchema } from "@booking/contracts";
import { z } from "zod";
import { defineRestRoute } from "../rest/rest-route.ts";
import { projectionsRouter } from "./projections.trpc.ts";

const tag = "System";
const projection = z.object({ projection: projectionSchema });

export const projectionsRoutes = [
  defineRestRoute({
    method: "get",
    path: "/projections",
    operationId: "listProjections",
    summary: "The asynchronous read models: state, lag, log position, failure, rebuild",
    tag,
    output: pageSchema(projectionSchema),
    successStatus: 200,
    procedure: projectionsRouter.list,
    handler: ({ call }) => call(projectionsRouter.list, undefined),
  }),
  defineRestRoute({
    method: "post",
    path: "/projections/:name/rebuild",
    operationId: "rebuildProjection",
    summary:
      "Rebuild a read model from the start of the log; its current rows are served until the rebuilt ones have caught up",
    tag,
    params: projectionParamsSchema,
    output: projection,
    successStatus: 200,
    procedure: projectionsRouter.rebuild,
    handler: ({ call, input }) => call(projectionsRouter.rebuild, input.params),
  }),
  defineRestRoute({
    method: "post",
    path: "/projections/:name/retry",
    operationId: "retryProjection",
    summary: "After a failure: handle the failed batch again",
    tag,
    params: projectionParamsSchema,
    output: projection,
    successStatus: 200,
    procedure: projectionsRouter.retry,
    handler: ({ call, input }) => call(projectionsRouter.retry, input.params),
  }),
];
