import { randomUUID } from "node:crypto";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { newApiTokenSecret } from "../identity/api-token-secret.ts";
import type { UserPrincipal } from "../identity/principal.ts";

export async function createApiToken(ctx: AppContext, user: UserPrincipal, name: string) {
  const id = randomUUID();
  const { token, secretHash } = newApiTokenSecret(id);
  await ctx.deps.database.db
    .insertInto("api_tokens")
    .values({ id, user_id: user.userId, name, secret_hash: secretHash, created_at: ctx.now() })
    .execute();
  return { id, token };
}

export async function listApiTokens(ctx: AppContext, user: UserPrincipal) {
  const rows = await ctx.deps.database.db
    .selectFrom("api_tokens")
    .select(["id", "name", "created_at", "last_used_at"])
    .where("user_id", "=", user.userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  }));
}

/** Another user's token is as unknown as a missing one (404), never revealed. */
export async function revokeApiToken(ctx: AppContext, user: UserPrincipal, tokenId: string) {
  const { numUpdatedRows } = await ctx.deps.database.db
    .updateTable("api_tokens")
    .set({ revoked_at: ctx.now() })
    .where("id", "=", tokenId)
    .where("user_id", "=", user.userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  ctx.deps.caches.credentialsChanged();
  if (numUpdatedRows === 0n) throw new AppError("NOT_FOUND", "No such token.");
}
