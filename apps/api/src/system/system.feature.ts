import { defineFeature } from "../app/feature.ts";
import { systemRoutes } from "./system.rest.ts";
import { systemRouter } from "./system.trpc.ts";

export const systemFeature = defineFeature({
  name: "system",
  procedures: { system: systemRouter },
  restRoutes: systemRoutes,
});
