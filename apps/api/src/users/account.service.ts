import { randomUUID } from "node:crypto";
import type { RegisterInput, User } from "@booking/contracts";
import { normalizeEmail } from "@booking/domain";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { hashPassword, verifyAgainstNobody, verifyPassword } from "../identity/password-hasher.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { signToken } from "../identity/signed-token.ts";
import { emailLookupHash } from "./email-lookup.ts";
import { limitLoginAttempts, limitRegistrations, recordFailedLogin } from "./login-limits.ts";
import { findUserByEmailLookup, requireUser, toUser } from "./user-read-model.ts";
import { runUserCommand } from "./user-stream.ts";

const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;

export async function register(ctx: AppContext, input: RegisterInput): Promise<User> {
  const now = ctx.now();
  await limitRegistrations(ctx.deps.rateLimiter, ctx.clientAddress, now);
  const email = normalizeEmail(input.email);
  // Answered before anything is written (the unique lookup hash still settles races).
  const lookup = emailLookupHash(ctx.deps.secrets.emailLookupKey, email);
  if (await findUserByEmailLookup(ctx.deps.database, lookup)) {
    throw new AppError("EMAIL_TAKEN", "An account with this e-mail address exists already.");
  }
  const userId = randomUUID();
  await runUserCommand(
    ctx.deps.eventStore,
    {
      type: "RegisterUser",
      userId,
      actor: { system: true },
      email,
      name: input.name,
      phone: input.phone ?? null,
      ...(input.language ? { preferredLanguage: input.language } : {}),
      passwordHash: await hashPassword(input.password),
    },
    now,
    { correlationId: ctx.requestId, actor: { userId } },
  );
  return toUser(await requireUser(ctx.deps.database, userId));
}

/**
 * An unknown address and a wrong password answer the same 401 after the same work; only
 * the right password reveals that an account waits for approval or is disabled.
 */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string },
): Promise<{ token: string; expiresAt: string; user: User }> {
  const now = ctx.now();
  const lookup = emailLookupHash(ctx.deps.secrets.emailLookupKey, normalizeEmail(input.email));
  await limitLoginAttempts(ctx.deps.rateLimiter, ctx.clientAddress, lookup, now);
  const row = await findUserByEmailLookup(ctx.deps.database, lookup);
  const passwordMatches = row?.password_hash
    ? await verifyPassword(row.password_hash, input.password)
    : await verifyAgainstNobody(input.password);
  if (!row || !passwordMatches) {
    await recordFailedLogin(ctx.deps.rateLimiter, lookup, now);
    throw new AppError("UNAUTHENTICATED", "The e-mail address or the password is wrong.");
  }
  if (row.status === "pending") {
    throw new AppError("ACCOUNT_PENDING", "The account waits for an administrator's approval.");
  }
  if (row.status !== "active") throw new AppError("ACCOUNT_DISABLED", "The account is disabled.");
  const sessionId = randomUUID();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await ctx.deps.database.db
    .insertInto("sessions")
    .values({ id: sessionId, user_id: row.id, created_at: now, expires_at: expiresAt })
    .execute();
  const token = signToken(ctx.deps.secrets.tokenSigningKey, "session", {
    id: sessionId,
    subject: row.id,
    expiresAt: Math.floor(expiresAt.getTime() / 1000),
  });
  return { token, expiresAt: expiresAt.toISOString(), user: toUser(row) };
}

/** Revokes the session that made the call (if any); never fails. */
export async function logout(ctx: AppContext): Promise<void> {
  const { principal } = ctx;
  if (principal.kind === "user" && principal.credential.type === "session") {
    await ctx.deps.database.db
      .updateTable("sessions")
      .set({ revoked_at: ctx.now() })
      .where("id", "=", principal.credential.sessionId)
      .where("revoked_at", "is", null)
      .execute();
    ctx.deps.caches.credentialsChanged();
  }
}

export async function currentUser(ctx: AppContext, user: UserPrincipal): Promise<User> {
  return toUser(await requireUser(ctx.deps.database, user.userId));
}
