import { timingSafeEqual } from "node:crypto";
import type { Role, UserStatus } from "@booking/contracts";
import type pg from "pg";
import type { CachedCredential, ReadCaches } from "../read-cache/read-caches.ts";
import type { UserPrincipal } from "./principal.ts";

interface CredentialRow {
  revoked_at: Date | null;
  expires_at: Date | null;
  secret_hash: Buffer | null;
  user_id: string;
  role: Role;
  status: UserStatus;
}

export interface CredentialStore {
  pool: pg.Pool;
  /**
   * Known credentials by id, so that a request usually needs no SQL to learn who calls;
   * revocations and role or status changes drop them (read-cache/read-caches.ts).
   */
  caches: Pick<ReadCaches, "credentials">;
}

/** The user behind a live session, or undefined if it is unknown, revoked or expired. */
export async function findSessionPrincipal(
  store: CredentialStore,
  sessionId: string,
  now: Date,
): Promise<UserPrincipal | undefined> {
  const credential = await store.caches.credentials.get(`session|${sessionId}`, async () => {
    const { rows } = await store.pool.query<CredentialRow>({
      name: "session_principal",
      text: `SELECT s.revoked_at, s.expires_at, NULL::bytea AS secret_hash, u.id AS user_id, u.role, u.status
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      values: [sessionId],
    });
    return cacheable(rows[0]);
  });
  if (!credential?.expiresAt || credential.expiresAt <= now) return undefined;
  return principal(credential, { type: "session", sessionId });
}

/** The user behind a personal API token whose secret matches, unless revoked. */
export async function findApiTokenPrincipal(
  store: CredentialStore,
  tokenId: string,
  secretHash: Buffer,
): Promise<UserPrincipal | undefined> {
  const credential = await store.caches.credentials.get(`api_token|${tokenId}`, async () => {
    const { rows } = await store.pool.query<CredentialRow>({
      name: "api_token_principal",
      text: `SELECT t.revoked_at, NULL::timestamptz AS expires_at, t.secret_hash, u.id AS user_id, u.role, u.status
             FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1`,
      values: [tokenId],
    });
    if (rows[0]?.secret_hash && !rows[0].revoked_at) {
      // Best effort, once per cache miss (so about once a minute per busy token): a lost
      // update of "last used" is harmless and must not slow the request.
      store.pool
        .query({
          name: "api_token_used",
          text: "UPDATE api_tokens SET last_used_at = now() WHERE id = $1",
          values: [tokenId],
        })
        .catch(() => undefined);
    }
    return cacheable(rows[0]);
  });
  if (!credential?.secretHash) return undefined;
  if (!timingSafeEqual(credential.secretHash, secretHash)) return undefined;
  return principal(credential, { type: "api_token", tokenId });
}

/** Live credentials are kept; unknown or revoked ones are not (they would only fill it). */
function cacheable(row: CredentialRow | undefined) {
  if (!row || row.revoked_at) return { value: null, tags: [], bytes: 0, store: false };
  const credential: CachedCredential = {
    userId: row.user_id,
    role: row.role,
    status: row.status,
    secretHash: row.secret_hash,
    expiresAt: row.expires_at,
  };
  return { value: credential, tags: [], bytes: 200 };
}

function principal(credential: CachedCredential, type: UserPrincipal["credential"]): UserPrincipal {
  const { userId, role, status } = credential;
  return { kind: "user", userId, role, status, credential: type };
}
