import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";

/**
 * A compact signed token: `<kind>.<payload>.<signature>` (base64url). The signature is an
 * HMAC-SHA256 over kind and payload with a key derived from BOOKING_SECRET, so a token of
 * one kind can never pass as another. Revocation is checked by the caller (the token's
 * `id` is stored), expiry here.
 */
export interface TokenClaims {
  /** Unique id of this token (session id, manage-token id), for revocation. */
  id: string;
  /** What it opens: a user id for sessions, a booking id for guest manage tokens. */
  subject: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

export type TokenKind = "session" | "manage";

export type TokenCheck =
  | { valid: true; claims: TokenClaims }
  | { valid: false; reason: "malformed" | "bad_signature" | "expired" };

export function signToken(key: Buffer, kind: TokenKind, claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${kind}.${payload}.${signature(key, kind, payload)}`;
}

export function verifyToken(key: Buffer, kind: TokenKind, token: string, now: Date): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== kind) return { valid: false, reason: "malformed" };
  const [, payload = "", given = ""] = parts;
  const expected = Buffer.from(signature(key, kind, payload), "base64url");
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { valid: false, reason: "bad_signature" };
  }
  const claims = parseClaims(payload);
  if (!claims) return { valid: false, reason: "malformed" };
  if (claims.expiresAt * 1000 <= now.getTime()) return { valid: false, reason: "expired" };
  return { valid: true, claims };
}

function signature(key: Buffer, kind: TokenKind, payload: string): string {
  return createHmac("sha256", hmacKey(key)).update(`${kind}.${payload}`).digest("base64url");
}

// Preparing a raw key costs on every call; a KeyObject is prepared once per key.
const preparedKeys = new WeakMap<Buffer, KeyObject>();
function hmacKey(key: Buffer): KeyObject {
  let prepared = preparedKeys.get(key);
  if (!prepared) {
    prepared = createSecretKey(key);
    preparedKeys.set(key, prepared);
  }
  return prepared;
}

function parseClaims(payload: string): TokenClaims | undefined {
  try {
    const value = JSON.parse(
      Buffer.from(payload, "base64url").toString("utf8"),
    ) as Partial<TokenClaims>;
    if (typeof value.id !== "string" || typeof value.subject !== "string") return undefined;
    if (typeof value.expiresAt !== "number" || !Number.isFinite(value.expiresAt)) return undefined;
    return { id: value.id, subject: value.subject, expiresAt: value.expiresAt };
  } catch {
    return undefined;
  }
}
