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

/**
 * Tokens whose signature already checked out, per signing key. A client sends the same
 * token with every request and each check is an HMAC; the token string is what was
 * signed, so remembering it is as good as checking again. Expiry is still checked on
 * every use. Bounded: the oldest entries go first.
 */
const verified = new WeakMap<Buffer, Map<string, TokenClaims>>();
const verifiedLimit = 1000;

function rememberVerified(key: Buffer, token: string, claims: TokenClaims): void {
  let tokens = verified.get(key);
  if (!tokens) {
    tokens = new Map();
    verified.set(key, tokens);
  }
  if (tokens.size >= verifiedLimit) {
    const oldest = tokens.keys().next().value;
    if (oldest !== undefined) tokens.delete(oldest);
  }
  tokens.set(token, claims);
}

export function verifyToken(key: Buffer, kind: TokenKind, token: string, now: Date): TokenCheck {
  const known = verified.get(key)?.get(token);
  if (known && token.startsWith(`${kind}.`)) {
    return known.expiresAt * 1000 <= now.getTime()
      ? { valid: false, reason: "expired" }
      : { valid: true, claims: known };
  }
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
  rememberVerified(key, token, claims);
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
