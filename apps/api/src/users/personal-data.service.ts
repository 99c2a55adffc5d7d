import type { UserEvent } from "@booking/domain";
import { bookingsBookedBy } from "../bookings/booking.queries.ts";
import { eraseBookerCopies } from "../bookings/booking-erasure.ts";
import type { AppContext } from "../context/app-context.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { listApiTokens } from "./api-tokens.service.ts";
import { requireUser, toUser } from "./user-read-model.ts";
import { runUserCommand, userStreamId } from "./user-stream.ts";

/** Everything the system holds about the caller (GDPR art. 15 and 20), as plain JSON. */
export async function exportPersonalData(ctx: AppContext, user: UserPrincipal) {
  const { database } = ctx.deps;
  const row = await requireUser(database, user.userId);
  const events = await ctx.deps.eventStore.readStream<UserEvent>(userStreamId(user.userId));
  const sessions = await database.db
    .selectFrom("sessions")
    .select(["created_at", "expires_at", "revoked_at"])
    .where("user_id", "=", user.userId)
    .orderBy("created_at")
    .execute();
  return {
    exportedAt: ctx.now().toISOString(),
    user: { ...toUser(row), preferredLanguage: row.language },
    history: events.map((event) => ({
      type: event.type,
      at: event.recordedAt.toISOString(),
      actor: event.actor,
      data: withoutSecrets(event.data),
    })),
    apiTokens: await listApiTokens(ctx, user),
    sessions: sessions.map((session) => ({
      createdAt: session.created_at.toISOString(),
      expiresAt: session.expires_at.toISOString(),
      revokedAt: session.revoked_at?.toISOString() ?? null,
    })),
    bookings: await bookingsBookedBy(ctx, user.userId),
  };
}

// A password hash is a credential, not information about the person: it stays inside.
function withoutSecrets(data: object): Record<string, unknown> {
  const { passwordHash: _passwordHash, ...rest } = data as Record<string, unknown>;
  return rest;
}

/**
 * Erasure (GDPR art. 17): the UserErased event wipes the read model and revokes every
 * credential in one transaction; destroying the person's key then makes the personal
 * fields of all their past events unreadable, everywhere and for good; last, the copies
 * outside the log go too: each of their bookings' rows is rewritten from its events (now
 * reading "[erased]"), and every stored Idempotency-Key answer holding their data is
 * deleted (bookings/booking-erasure.ts).
 *
 * Not one transaction (the event store destroys a key on its own connection), so each step
 * is idempotent instead, and the account's `erased` status, committed first, is the durable
 * sign that the rest must happen: if the process dies after it, the `finish-erasures` job
 * destroys the key again and rewrites whatever still holds the person's data.
 */
export async function eraseSelf(ctx: AppContext, user: UserPrincipal): Promise<void> {
  await runUserCommand(
    ctx.deps.eventStore,
    { type: "EraseUser", userId: user.userId, actor: { userId: user.userId, role: user.role } },
    ctx.now(),
    { correlationId: ctx.requestId, actor: { userId: user.userId } },
  );
  await ctx.deps.eventStore.eraseSubject(user.userId);
  await eraseBookerCopies(ctx.deps, user.userId);
}
