import { createHash, randomBytes } from "node:crypto";

/** A feed's token: 32 random bytes, base64url (43 characters); the secret in its url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: feedTokenHash(token) };
}

/**
 * What is stored of a token: its SHA-256, base64url. The token is random and long, so a slow
 * hash would add nothing; a leaked table gives no working url.
 */
export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Undefined for anything that cannot be a token this api gave out (answered like an unknown one). */
export function parseFeedToken(token: string): string | undefined {
  return TOKEN_PATTERN.test(token) ? token : undefined;
}
