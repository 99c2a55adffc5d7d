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
import { protectedProcedure, publicProcedure } from "../trpc/trpc.ts";
import * as catalog from "./catalog.service.ts";

const write = protectedProcedure("catalog:write");
const byId = z.object({ id: idSchema });
const byVenue = z.object({ venueId: idSchema });

export const venuesRouter = {
  list: publicProcedure
    .input(venueSearchQuerySchema)
    .output(pageSchema(venueSchema))
    .query(({ ctx, input }) => catalog.listVenues(ctx, input)),
  get: publicProcedure
    .input(byId)
    .output(z.object({ venue: venueSchema }))
    .query(async ({ ctx, input }) => ({ venue: await catalog.getVenue(ctx, input.id) })),
  create: write
    .input(createVenueInputSchema)
    .output(z.object({ venue: venueSchema }))
    .mutation(async ({ ctx, input }) => ({
      venue: await catalog.createVenue(ctx, ctx.user, input),
    })),
  update: write
    .input(byId.extend({ patch: updateVenueInputSchema }))
    .output(z.object({ venue: venueSchema }))
    .mutation(async ({ ctx, input }) => ({
      venue: await catalog.updateVenue(ctx, ctx.user, input.id, input.patch),
    })),
} satisfies TRPCRouterRecord;

export const resourcesRouter = {
  list: publicProcedure
    .input(byVenue)
    .output(pageSchema(resourceSchema))
    .query(({ ctx, input }) => catalog.listResources(ctx, input.venueId)),
  create: write
    .input(byVenue.extend({ resource: createResourceInputSchema }))
    .output(z.object({ resource: resourceSchema }))
    .mutation(async ({ ctx, input }) => ({
      resource: await catalog.createResource(ctx, ctx.user, input.venueId, input.resource),
    })),
  update: write
    .input(byId.extend({ patch: updateResourceInputSchema }))
    .output(z.object({ resource: resourceSchema }))
    .mutation(async ({ ctx, input }) => ({
      resource: await catalog.updateResource(ctx, ctx.user, input.id, input.patch),
    })),
} satisfies TRPCRouterRecord;

export const offeringsRouter = {
  get: publicProcedure
    .input(byId)
    .output(z.object({ offering: offeringSchema }))
    .query(async ({ ctx, input }) => ({ offering: await catalog.getOffering(ctx, input.id) })),
  list: publicProcedure
    .input(byVenue)
    .output(pageSchema(offeringSchema))
    .query(({ ctx, input }) => catalog.listOfferings(ctx, input.venueId)),
  create: write
    .input(byVenue.extend({ offering: createOfferingInputSchema }))
    .output(z.object({ offering: offeringSchema }))
    .mutation(async ({ ctx, input }) => ({
      offering: await catalog.createOffering(ctx, ctx.user, input.venueId, input.offering),
    })),
  update: write
    .input(byId.extend({ patch: updateOfferingInputSchema }))
    .output(z.object({ offering: offeringSchema }))
    .mutation(async ({ ctx, input }) => ({
      offering: await catalog.updateOffering(ctx, ctx.user, input.id, input.patch),
    })),
} satisfies TRPCRouterRecord;
