import {
  createdFeedSchema,
  createFeedInputSchema,
  feedListSchema,
  feedTokenParamsSchema,
  idParamsSchema,
} from "@booking/contracts";
import { z } from "zod";
import type { FileAnswer } from "../rest/rest-route.ts";
import { defineRestRoute } from "../rest/rest-route.ts";
import { FEED_CACHE_CONTROL } from "./feed-calendar.ts";
import { feedsRouter } from "./feeds.trpc.ts";

const tag = "Calendar feeds";

export const feedsRoutes = [
  defineRestRoute({
    method: "post",
    path: "/me/feeds",
    operationId: "createCalendarFeed",
    summary:
      "Create an iCalendar feed of my bookings (admins: of a venue's, with venueId); its url is shown only here",
    tag,
    body: createFeedInputSchema,
    output: createdFeedSchema,
    successStatus: 201,
    procedure: feedsRouter.create,
    handler: ({ call, input }) => call(feedsRouter.create, input.body),
  }),
  defineRestRoute({
    method: "get",
    path: "/me/feeds",
    operationId: "listCalendarFeeds",
    summary: "My active calendar feeds (without their urls)",
    tag,
    output: feedListSchema,
    successStatus: 200,
    procedure: feedsRouter.list,
    handler: ({ call }) => call(feedsRouter.list, undefined),
  }),
  defineRestRoute({
    method: "delete",
    path: "/me/feeds/:id",
    operationId: "revokeCalendarFeed",
    summary: "Revoke a calendar feed: its url answers 404 from now on",
    tag,
    params: idParamsSchema,
    successStatus: 204,
    procedure: feedsRouter.revoke,
    handler: ({ call, input }) => call(feedsRouter.revoke, input.params),
  }),
  defineRestRoute({
    method: "get",
    path: "/feeds/:token.ics",
    operationId: "getCalendarFeed",
    summary:
      "A calendar feed (RFC 5545; the token is the credential): bookings that ended at most 90 days ago and later ones, in the venue's time zone; ETag and If-None-Match (304)",
    tag,
    params: feedTokenParamsSchema,
    headers: {
      "If-None-Match": {
        description: "The ETag of the copy the caller has: 304 without a body while it is current",
        schema: z.string(),
      },
    },
    file: { mediaType: "text/calendar", conditional: true },
    successStatus: 200,
    procedure: feedsRouter.calendar,
    handler: async ({ call, input, header }): Promise<FileAnswer> => {
      const ifNoneMatch = header("If-None-Match");
      const answer = await call(feedsRouter.calendar, {
        token: input.params.token,
        ...(ifNoneMatch !== undefined ? { ifNoneMatch } : {}),
      });
      const headers = { ETag: answer.etag, "Cache-Control": FEED_CACHE_CONTROL };
      return answer.notModified
        ? { notModified: true, headers }
        : { content: answer.content, headers };
    },
  }),
];
