import { timingSafeEqual } from "node:crypto";
import type { Role, UserStatus } from "@booking/contracts";
import type { Database } from "../db/database.ts";
import { executePrepared } from "../db/prepared.ts";
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
  /** Typed queries, run as named statements on the pool (db/prepared.ts). */
  database: Pick<Database, "db" | "pool">;
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
    const { db, pool } = store.database;
    const query = db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select((eb) => [
        "s.revoked_at",
        "s.expires_at",
        eb.cast<Buffer | null>(eb.lit(null), "bytea").as("secret_hash"),
        "u.id as user_id",
        "u.role",
        "u.status",
      ])
      .where("s.id", "=", sessionId);
    const { rows } = await executePrepared(pool, "session_principal", query);
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
    const { db, pool } = store.database;
    const query = db
      .selectFrom("api_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .select((eb) => [
        "t.revoked_at",
        eb.cast<Date | null>(eb.lit(null), "timestamptz").as("expires_at"),
        "t.secret_hash",
        "u.id as user_id",
        "u.role",
        "u.status",
      ])
      .where("t.id", "=", tokenId);
    const { rows } = await executePrepared(pool, "api_token_principal", query);
    if (rows[0]?.secret_hash && !rows[0].revoked_at) {
      // Best effort, once per cache miss (so about once a minute per busy token): a lost
      // update of "last used" is harmless and must not slow the request.
      const used = db
        .updateTable("api_tokens")
        .set((eb) => ({ last_used_at: eb.fn<Date>("now") }))
        .where("id", "=", tokenId);
      executePrepared(pool, "api_token_used", used).catch(() => undefined);
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
