import { createHash } from "node:crypto";
import type { FeedCalendar, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import type { ExistingBooking } from "@booking/domain";
import { type Kysely, sql } from "kysely";
import { toBookingDto } from "../bookings/booking-dto.ts";
import type { AppContext } from "../context/app-context.ts";
import type { AppDependencies } from "../context/app-dependencies.ts";
import { executePrepared } from "../db/prepared.ts";
import type { BookingStatus, Database } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";
import { bookingCalendar, calendarEntryOf } from "../icalendar/booking-calendar.ts";
import { erasedPlaceholder } from "../users/users.projection.ts";
import { FeedRenderings } from "./feed-renderings.ts";
import { feedTokenHash, parseFeedToken } from "./feed-token.ts";

/**
 * The window of a feed: bookings that ended no earlier than 90 days ago, and every later
 * one. Older ones stay in a subscriber's calendar as the client keeps them, or drop out of
 * it, as the client decides; the feed stays small however long a venue has been running.
 */
export const FEED_WINDOW_DAYS = 90;

/** Held bookings are not decided yet and expired holds never were: neither is in a feed. */
const NOT_IN_FEEDS: readonly BookingStatus[] = ["held", "expired"];

/** How often a subscribed calendar should fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 15 * 60;

/** `Cache-Control` of a feed: for the subscriber only; 5 minutes between fetches. */
export const FEED_CACHE_CONTROL = "private, max-age=300";

/**
 * Part of every ETag: a change of how feeds are written (this file, the calendar writer)
 * must change the tags of the renderings made before it.
 */
const RENDERING_VERSION = 1;

interface Feed {
  id: string;
  user_id: string;
  venue_id: string | null;
  name: string;
}

const notFound = () => new AppError("NOT_FOUND", "No such feed.");

/**
 * GET /feeds/{token}.ics (docs/api.md, "Calendar feeds"). The token is the credential:
 * a malformed, unknown or revoked one is 404, as is the feed of an account that is no
 * longer active, and a venue feed of someone who is no longer an admin.
 *
 * Phones poll feeds, so an answer costs two small queries when nothing changed: the feed
 * by its token hash, and an aggregate of what the feed shows (how many bookings, their
 * latest change and summed versions, the latest change of their venues' catalog and, for
 * a venue feed, of the bookers' accounts). Its hash is the ETag: `If-None-Match` with it
 * answers 304 without rendering; otherwise the rendering of that ETag is served from this
 * process's memory when it has it, and rendered (and kept) when not.
 */
export async function feedCalendar(
  ctx: AppContext,
  input: { token: string; ifNoneMatch?: string | undefined },
): Promise<FeedCalendar> {
  const token = parseFeedToken(input.token);
  if (!token) throw notFound();
  const { pool } = ctx.deps.database;
  const [feed] = (
    await executePrepared(pool, "feed_by_token", feedQuery(ctx, feedTokenHash(token)))
  ).rows;
  if (!feed) throw notFound();
  // One instant for the aggregate and the rendering, so both see the same window.
  const since = new Date(ctx.now().getTime() - FEED_WINDOW_DAYS * 86_400_000);
  const [stamp] = (
    await executePrepared(
      pool,
      feed.venue_id ? "feed_stamp_of_venue" : "feed_stamp_of_person",
      stampQuery(ctx.deps.database.db, feed, since),
    )
  ).rows;
  const etag = etagOf(feed, stamp);
  if (input.ifNoneMatch !== undefined && matches(input.ifNoneMatch, etag)) {
    return { notModified: true, etag };
  }
  // The stamp was read before the rows: a change in between makes this rendering newer
  // than its tag, never older, and the next request renders again under the new tag.
  const content = await renderingsOf(ctx.deps).get(feed.id, etag, () =>
    renderFeed(ctx, feed, since),
  );
  return { notModified: false, etag, content };
}

function feedQuery(ctx: AppContext, tokenHash: string) {
  return ctx.deps.database.db
    .selectFrom("calendar_feeds as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .select(["f.id", "f.user_id", "f.venue_id", "f.name"])
    .where("f.token_hash", "=", tokenHash)
    .where("f.revoked_at", "is", null)
    .where("u.status", "=", "active")
    .where((eb) =>
      eb.or([eb("f.venue_id", "is", null), eb("u.role", "in", ["admin", "owner"] as const)]),
    );
}

/** The rows a feed shows: its person's or its venue's bookings in the window, not held or expired. */
function shownBookings(db: Kysely<Database>, feed: Feed, since: Date) {
  const inWindow = db
    .selectFrom("bookings as b")
    .where("b.end_at", ">=", since)
    .where("b.status", "not in", NOT_IN_FEEDS);
  return feed.venue_id
    ? inWindow.where("b.venue_id", "=", feed.venue_id)
    : inWindow.where("b.user_id", "=", feed.user_id);
}

function stampQuery(db: Kysely<Database>, feed: Feed, since: Date) {
  return db
    .with("shown", () =>
      shownBookings(db, feed, since).select([
        "b.venue_id",
        "b.user_id",
        "b.updated_at",
        "b.version",
      ]),
    )
    .with("shown_venues", (qb) => qb.selectFrom("shown").select("venue_id").distinct())
    .selectFrom("shown")
    .select((eb) => {
      // Over the distinct venues and bookers (a handful), not over every booking again.
      const shownVenues = eb.selectFrom("shown_venues").select("venue_id");
      const shownBookers = eb.selectFrom("shown").select("user_id").distinct();
      return [
        eb.fn.countAll<string>().as("bookings"),
        eb.fn.max("shown.updated_at").as("changed"),
        eb.fn.coalesce(eb.fn.sum<string>("shown.version"), eb.lit(0)).as("versions"),
        // A venue feed names the bookers: a renamed or erased account changes it.
        eb
          .selectFrom("users")
          .select((users) => users.fn.max("updated_at").as("latest"))
          .where("id", "in", shownBookers)
          .as("accounts"),
        eb
          .selectFrom(
            eb
              .selectFrom("venues")
              .select("updated_at")
              .where("id", "in", shownVenues)
              .unionAll(
                eb
                  .selectFrom("offerings")
                  .select("updated_at")
                  .where("venue_id", "in", shownVenues),
              )
              .unionAll(
                eb
                  .selectFrom("resources")
                  .select("updated_at")
                  .where("venue_id", "in", shownVenues),
              )
              .as("catalog"),
          )
          .select((catalog) => catalog.fn.max("catalog.updated_at").as("latest"))
          .as("catalog"),
      ];
    });
}

type Stamp = {
  bookings: string;
  changed: Date | null;
  versions: string;
  accounts: Date | null;
  catalog: Date | null;
};

function etagOf(feed: Feed, stamp: Stamp | undefined): string {
  const parts = [
    RENDERING_VERSION,
    FEED_WINDOW_DAYS,
    feed.id,
    stamp?.bookings ?? 0,
    stamp?.changed?.toISOString() ?? "",
    stamp?.versions ?? 0,
    feed.venue_id ? (stamp?.accounts?.toISOString() ?? "") : "",
    stamp?.catalog?.toISOString() ?? "",
  ];
  return `"${createHash("sha256").update(parts.join("|")).digest("base64url").slice(0, 32)}"`;
}

/** `If-None-Match` (RFC 9110 §13.1.2): `*` or a list of tags, compared weakly. */
function matches(ifNoneMatch: string, etag: string): boolean {
  const wanted = ifNoneMatch.trim();
  if (wanted === "*") return true;
  return wanted
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .includes(etag);
}

async function renderFeed(ctx: AppContext, feed: Feed, since: Date): Promise<string> {
  const { db, pool } = ctx.deps.database;
  const booker = sql<string>`CASE WHEN b.user_id IS NULL
    THEN coalesce(b.data #>> '{bookedBy,guest,name}', '')
    ELSE coalesce(u.name, ${erasedPlaceholder}::text) END`;
  const { rows } = await executePrepared(
    pool,
    feed.venue_id ? "feed_rows_of_venue" : "feed_rows_of_person",
    shownBookings(db, feed, since)
      .leftJoin("users as u", "u.id", "b.user_id")
      .select(["b.data", "b.version", booker.as("booker")])
      .orderBy("b.start_at")
      .orderBy("b.id"),
  );
  const catalog = await catalogOf(db, [
    ...new Set(rows.map((row) => (row.data as ExistingBooking).venueId)),
  ]);
  const entries = rows.flatMap((row) => {
    const booking = toBookingDto(row.data, row.version);
    const venue = catalog.venues.get(booking.venueId);
    if (!venue) return [];
    return [
      calendarEntryOf(
        booking,
        {
          venue,
          offering: catalog.offerings.get(booking.offeringId),
          resources: catalog.resourcesOf.get(booking.venueId) ?? [],
        },
        feed.venue_id ? { bookerName: row.booker } : {},
      ),
    ];
  });
  return bookingCalendar({ name: feed.name, refreshIntervalSeconds: REFRESH_SECONDS, entries });
}

async function catalogOf(db: Kysely<Database>, venueIds: string[]) {
  if (venueIds.length === 0) {
    return { venues: new Map(), offerings: new Map(), resourcesOf: new Map() };
  }
  const [venues, offerings, resources] = await Promise.all([
    db.selectFrom("venues").select("data").where("id", "in", venueIds).execute(),
    db.selectFrom("offerings").select("data").where("venue_id", "in", venueIds).execute(),
    db
      .selectFrom("resources")
      .select("data")
      .where("venue_id", "in", venueIds)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);
  const resourcesOf = new Map<string, ResourceDto[]>();
  for (const { data } of resources) {
    resourcesOf.set(data.venueId, [...(resourcesOf.get(data.venueId) ?? []), data]);
  }
  return {
    venues: new Map<string, VenueDto>(venues.map(({ data }) => [data.id, data])),
    offerings: new Map<string, OfferingDto>(offerings.map(({ data }) => [data.id, data])),
    resourcesOf,
  };
}

/** One cache of renderings per running api (its dependencies), not one per module. */
const renderings = new WeakMap<AppDependencies, FeedRenderings>();

function renderingsOf(deps: AppDependencies): FeedRenderings {
  let cache = renderings.get(deps);
  if (!cache) {
    cache = new FeedRenderings({ maxEntries: 100, maxBytes: 16 * 1024 * 1024 });
    renderings.set(deps, cache);
  }
  return cache;
}
