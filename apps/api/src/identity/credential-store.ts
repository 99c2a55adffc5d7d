import { timingSafeEqual } from "node:crypto";
import type { Role, UserStatus } from "@booking/contracts";
import type pg from "pg";
import type { UserPrincipal } from "./principal.ts";

interface CredentialRow {
  revoked_at: Date | null;
  expires_at: Date | null;
  secret_hash: Buffer | null;
  user_id: string;
  role: Role;
  status: UserStatus;
}

/** The user behind a live session, or undefined if it is unknown, revoked or expired. */
export async function findSessionPrincipal(
  pool: pg.Pool,
  sessionId: string,
  now: Date,
): Promise<UserPrincipal | undefined> {
  const { rows } = await pool.query<CredentialRow>({
    name: "session_principal",
    text: `SELECT s.revoked_at, s.expires_at, NULL::bytea AS secret_hash, u.id AS user_id, u.role, u.status
           FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
    values: [sessionId],
  });
  const row = rows[0];
  if (!row || row.revoked_at || !row.expires_at || row.expires_at <= now) return undefined;
  return principal(row, { type: "session", sessionId });
}

/** The user behind a personal API token whose secret matches, unless revoked. */
export async function findApiTokenPrincipal(
  pool: pg.Pool,
  tokenId: string,
  secretHash: Buffer,
): Promise<UserPrincipal | undefined> {
  const { rows } = await pool.query<CredentialRow>({
    name: "api_token_principal",
    text: `SELECT t.revoked_at, NULL::timestamptz AS expires_at, t.secret_hash, u.id AS user_id, u.role, u.status
           FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1`,
    values: [tokenId],
  });
  const row = rows[0];
  if (!row?.secret_hash || row.revoked_at) return undefined;
  if (!timingSafeEqual(row.secret_hash, secretHash)) return undefined;
  // Best effort: a lost update of "last used" is harmless and must not slow the request.
  pool
    .query({
      name: "api_token_used",
      text: "UPDATE api_tokens SET last_used_at = now() WHERE id = $1",
      values: [tokenId],
    })
    .catch(() => undefined);
  return principal(row, { type: "api_token", tokenId });
}

function principal(row: CredentialRow, credential: UserPrincipal["credential"]): UserPrincipal {
  return { kind: "user", userId: row.user_id, role: row.role, status: row.status, credential };
}
