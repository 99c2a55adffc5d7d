import {
  createOfferingInputSchema,
  createResourceInputSchema,
  createVenueInputSchema,
  idSchema,
  offeringSchema,
  pageSchema,
  resourceSchema,
  updateOfferingInputSchema,
  updateResourceInputSchema,
  updateVenueInputSchema,
  venueSchema,
  venueSearchQuerySchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { procedure } from "../trpc/trpc.ts";
import * as catalog from "./catalog.service.ts";

const write = procedure("admin");
const byId = z.object({ id: idSchema });
const byVenue = z.object({ venueId: idSchema });

export const venuesRouter = {
  list: procedure("anyone")
    .input(venueSearchQuerySchema)
    .output(pageSchema(venueSchema))
    .query(({ ctx, input }) => catalog.listVenues(ctx, input)),
  get: procedure("anyone")
    .input(byId)
    .output(z.object({ venue: venueSchema }))
    .query(async ({ ctx, input }) => ({ venue: await catalog.getVenue(ctx, input.id) })),
  create: write
    .input(createVenueInputSchema)
    .output(z.object({ venue: venueSchema }))
    .mutation(async ({ ctx, input }) => ({
      venue: await catalog.createVenue(ctx, ctx.principal, input),
    })),
  update: write
    .input(byId.extend({ patch: updateVenueInputSchema }))
    .output(z.object({ venue: venueSchema }))
    .mutation(async ({ ctx, input }) => ({
      venue: await catalog.updateVenue(ctx, ctx.principal, input.id, input.patch),
    })),
} satisfies TRPCRouterRecord;

export const resourcesRouter = {
  list: procedure("anyone")
    .input(byVenue)
    .output(pageSchema(resourceSchema))
    .query(({ ctx, input }) => catalog.listResources(ctx, input.venueId)),
  create: write
    .input(byVenue.extend({ resource: createResourceInputSchema }))
    .output(z.object({ resource: resourceSchema }))
    .mutation(async ({ ctx, input }) => ({
      resource: await catalog.createResource(ctx, ctx.principal, input.venueId, input.resource),
    })),
  update: write
    .input(byId.extend({ patch: updateResourceInputSchema }))
    .output(z.object({ resource: resourceSchema }))
    .mutation(async ({ ctx, input }) => ({
      resource: await catalog.updateResource(ctx, ctx.principal, input.id, input.patch),
    })),
} satisfies TRPCRouterRecord;

export const offeringsRouter = {
  get: procedure("anyone")
    .input(byId)
    .output(z.object({ offering: offeringSchema }))
    .query(async ({ ctx, input }) => ({ offering: await catalog.getOffering(ctx, input.id) })),
  list: procedure("anyone")
    .input(byVenue)
    .output(pageSchema(offeringSchema))
    .query(({ ctx, input }) => catalog.listOfferings(ctx, input.venueId)),
  create: write
    .input(byVenue.extend({ offering: createOfferingInputSchema }))
    .output(z.object({ offering: offeringSchema }))
    .mutation(async ({ ctx, input }) => ({
      offering: await catalog.createOffering(ctx, ctx.principal, input.venueId, input.offering),
    })),
  update: write
    .input(byId.extend({ patch: updateOfferingInputSchema }))
    .output(z.object({ offering: offeringSchema }))
    .mutation(async ({ ctx, input }) => ({
      offering: await catalog.updateOffering(ctx, ctx.principal, input.id, input.patch),
    })),
} satisfies TRPCRouterRecord;
