import { randomUUID } from "node:crypto";
import type { FeedDto } from "@booking/contracts";
import type { Kysely } from "kysely";
import type { AppContext } from "../context/app-context.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { restBasePath } from "../rest/rest-api.routes.ts";
import { newFeedToken } from "./feed-token.ts";

const isStaff = (user: UserPrincipal) => user.role === "admin" || user.role === "owner";

/**
 * A new feed of the caller's own bookings, or (admins and the owner) of every booking of a
 * venue. The url carries the token and is answered only here: just its hash is stored.
 */
export async function createFeed(
  ctx: AppContext,
  user: UserPrincipal,
  input: { name: string; venueId?: string | undefined },
): Promise<{ id: string; url: string }> {
  const { db } = ctx.deps.database;
  if (input.venueId !== undefined) {
    if (!isStaff(user)) throw new AppError("FORBIDDEN", "Only admins may subscribe to a venue.");
    const venue = await db
      .selectFrom("venues")
      .select("id")
      .where("id", "=", input.venueId)
      .executeTakeFirst();
    if (!venue) throw new AppError("NOT_FOUND", "No such venue.");
  }
  const id = randomUUID();
  const { token, tokenHash } = newFeedToken();
  await db
    .insertInto("calendar_feeds")
    .values({
      id,
      user_id: user.userId,
      venue_id: input.venueId ?? null,
      name: input.name,
      token_hash: tokenHash,
      created_at: ctx.now(),
    })
    .execute();
  return { id, url: feedUrl(ctx, token) };
}

export function feedUrl(ctx: AppContext, token: string): string {
  return `${ctx.deps.publicUrl()}${restBasePath}/feeds/${token}.ics`;
}

/** The caller's active feeds, oldest first (their urls cannot be shown again). */
export async function listFeeds(ctx: AppContext, user: UserPrincipal): Promise<FeedDto[]> {
  const rows = await ctx.deps.database.db
    .selectFrom("calendar_feeds")
    .select(["id", "name", "venue_id", "created_at"])
    .where("user_id", "=", user.userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ...(row.venue_id ? { venueId: row.venue_id } : {}),
    createdAt: row.created_at.toISOString(),
  }));
}

/** Another user's feed is as unknown as a missing one (404), never revealed. */
export async function revokeFeed(ctx: AppContext, user: UserPrincipal, feedId: string) {
  const { numUpdatedRows } = await ctx.deps.database.db
    .updateTable("calendar_feeds")
    .set({ revoked_at: ctx.now() })
    .where("id", "=", feedId)
    .where("user_id", "=", user.userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw new AppError("NOT_FOUND", "No such feed.");
}

/** Revokes every active feed of a user (erasure calls this); returns how many there were. */
export async function revokeFeedsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const { numUpdatedRows } = await db
    .updateTable("calendar_feeds")
    .set({ revoked_at: new Date() })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(numUpdatedRows);
}
