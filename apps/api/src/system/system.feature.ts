import { defineFeature } from "../app/feature.ts";
import { projectionsRoutes } from "./projections.rest.ts";
import { projectionsRouter } from "./projections.trpc.ts";
import { systemRoutes } from "./system.rest.ts";
import { systemRouter } from "./system.trpc.ts";

export const systemFeature = defineFeature({
  name: "system",
  procedures: { system: systemRouter, projections: projectionsRouter },
  restRoutes: [...systemRoutes, ...projectionsRoutes],
});
