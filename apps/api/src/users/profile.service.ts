import type { User } from "@booking/contracts";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { hashPassword, verifyPassword } from "../identity/password-hasher.ts";
import type { UserPrincipal } from "../identity/principal.ts";
import { recordFailedLogin } from "./login-limits.ts";
import { requireUser, toUser } from "./user-read-model.ts";
import { runUserCommand } from "./user-stream.ts";

function metadata(ctx: AppContext, user: UserPrincipal) {
  return { correlationId: ctx.requestId, actor: { userId: user.userId } };
}

export async function updateProfile(
  ctx: AppContext,
  user: UserPrincipal,
  patch: {
    name?: string | undefined;
    phone?: string | null | undefined;
    language?: "de" | "en" | null | undefined;
  },
): Promise<User> {
  await runUserCommand(
    ctx.deps.eventStore,
    {
      type: "ChangeUserProfile",
      userId: user.userId,
      actor: { userId: user.userId, role: user.role },
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.language !== undefined ? { preferredLanguage: patch.language } : {}),
    },
    ctx.now(),
    metadata(ctx, user),
  );
  return toUser(await requireUser(ctx.deps.database, user.userId));
}

/**
 * Needs the current password (a stolen session alone cannot take the account over), and
 * ends every other session: whoever knew the old password is logged out.
 */
export async function changePassword(
  ctx: AppContext,
  user: UserPrincipal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { database } = ctx.deps;
  const row = await requireUser(database, user.userId);
  if (!row.password_hash || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    if (row.email_lookup)
      await recordFailedLogin(ctx.deps.rateLimiter, row.email_lookup, ctx.now());
    throw new AppError("FORBIDDEN", "The current password is wrong.");
  }
  await runUserCommand(
    ctx.deps.eventStore,
    {
      type: "ChangePassword",
      userId: user.userId,
      actor: { userId: user.userId, role: user.role },
      passwordHash: await hashPassword(input.newPassword),
    },
    ctx.now(),
    metadata(ctx, user),
  );
  const keep = user.credential.type === "session" ? user.credential.sessionId : null;
  await database.db
    .updateTable("sessions")
    .set({ revoked_at: ctx.now() })
    .where("user_id", "=", user.userId)
    .where("revoked_at", "is", null)
    .where("id", "is distinct from", keep)
    .execute();
  ctx.deps.caches.credentialsChanged();
}
