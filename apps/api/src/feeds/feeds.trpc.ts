import {
  createdFeedSchema,
  createFeedInputSchema,
  feedCalendarInputSchema,
  feedCalendarSchema,
  feedListSchema,
  idParamsSchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { procedure } from "../trpc/trpc.ts";
import { feedCalendar } from "./feed-calendar.ts";
import { createFeed, listFeeds, revokeFeed } from "./feeds.service.ts";

const account = procedure("member");

export const feedsRouter = {
  // Any active account may have a feed of its own bookings; a venue's needs an admin,
  // which the service checks (403), as the input decides it.
  create: account
    .input(createFeedInputSchema)
    .output(createdFeedSchema)
    .mutation(({ ctx, input }) => createFeed(ctx, ctx.principal, input)),
  list: account.output(feedListSchema).query(async ({ ctx }) => ({
    items: await listFeeds(ctx, ctx.principal),
    nextCursor: null,
  })),
  revoke: account
    .input(idParamsSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => revokeFeed(ctx, ctx.principal, input.id)),
  // The token in the url is the credential: calendar apps send no other.
  calendar: procedure("anyone")
    .input(feedCalendarInputSchema)
    .output(feedCalendarSchema)
    .query(({ ctx, input }) => feedCalendar(ctx, input)),
} satisfies TRPCRouterRecord;
