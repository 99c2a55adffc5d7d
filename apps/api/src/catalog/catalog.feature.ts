import { defineFeature } from "../app/feature.ts";
import { catalogProjection } from "./catalog.projection.ts";
import { catalogRoutes } from "./catalog.rest.ts";
import { offeringsRouter, resourcesRouter, venuesRouter } from "./catalog.trpc.ts";

export const catalogFeature = defineFeature({
  name: "catalog",
  procedures: { venues: venuesRouter, resources: resourcesRouter, offerings: offeringsRouter },
  restRoutes: catalogRoutes,
  inlineProjections: () => [catalogProjection],
});
