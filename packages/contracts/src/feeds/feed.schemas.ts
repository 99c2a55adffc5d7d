import { z } from "zod";
import { nameSchema } from "../common/fields.schema.ts";

/** POST /me/feeds: a feed of one's own bookings, or (admins) of every booking of a venue. */
export const createFeedInputSchema = z
  .object({
    name: nameSchema,
    venueId: z.uuid().optional().describe("Admins only: every booking of this venue"),
  })
  .strict();

/** The url holds the feed's secret token: it is shown once, at creation; only a hash is stored. */
export const createdFeedSchema = z.object({ id: z.uuid(), url: z.url() });

export const feedSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    venueId: z.uuid().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CalendarFeed" });

export type FeedDto = z.infer<typeof feedSchema>;

export const feedListSchema = z.object({ items: z.array(feedSchema), nextCursor: z.null() });

/**
 * GET /feeds/{token}.ics: the token is the only credential. Any string is taken here, so
 * that a malformed token answers 404 like an unknown one, not 400.
 */
export const feedTokenParamsSchema = z.object({
  token: z.string().describe("The feed's token, as in the url given at creation"),
});

/** The feed procedure: the token and the caller's `If-None-Match`, if any. */
export const feedCalendarInputSchema = z.object({
  token: z.string(),
  ifNoneMatch: z.string().optional(),
});

/** The calendar text, or only `notModified` when the caller's ETag is still current. */
export const feedCalendarSchema = z.discriminatedUnion("notModified", [
  z.object({ notModified: z.literal(true), etag: z.string() }),
  z.object({ notModified: z.literal(false), etag: z.string(), content: z.string() }),
]);

export type FeedCalendar = z.infer<typeof feedCalendarSchema>;
