import { randomUUID } from "node:crypto";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { newApiTokenSecret } from "../identity/api-token-secret.ts";
import type { UserPrincipal } from "../identity/principal.ts";

export async function createApiToken(ctx: AppContext, user: UserPrincipal, name: string) {
  const id = randomUUID();
  const { token, secretHash } = newApiTokenSecret(id);
  await ctx.deps.database.pool.query(
    "INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
    [id, user.userId, name, secretHash, ctx.now()],
  );
  return { id, token };
}

export async function listApiTokens(ctx: AppContext, user: UserPrincipal) {
  const { rows } = await ctx.deps.database.pool.query<{
    id: string;
    name: string;
    created_at: Date;
    last_used_at: Date | null;
  }>(
    `SELECT id, name, created_at, last_used_at FROM api_tokens
     WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at, id`,
    [user.userId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  }));
}

/** Another user's token is as unknown as a missing one (404), never revealed. */
export async function revokeApiToken(ctx: AppContext, user: UserPrincipal, tokenId: string) {
  const { rowCount } = await ctx.deps.database.pool.query(
    "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
    [tokenId, user.userId, ctx.now()],
  );
  ctx.deps.caches.credentialsChanged();
  if (rowCount === 0) throw new AppError("NOT_FOUND", "No such token.");
}
