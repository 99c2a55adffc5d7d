import { createHash, randomBytes } from "node:crypto";

// Personal API tokens look like `bkt_<id>_<secret>`: the id finds the row, the secret is
// stored only as a SHA-256 hash (it is random and long, so a slow hash adds nothing).
const prefix = "bkt_";

export function newApiTokenSecret(tokenId: string): { token: string; secretHash: Buffer } {
  const secret = randomBytes(32).toString("base64url");
  return {
    token: `${prefix}${tokenId.replaceAll("-", "")}_${secret}`,
    secretHash: hashSecret(secret),
  };
}

export function parseApiToken(token: string): { tokenId: string; secretHash: Buffer } | undefined {
  const match = /^bkt_([0-9a-f]{32})_([\w-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const hex = match[1];
  const tokenId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tokenId, secretHash: hashSecret(match[2]) };
}

export function isApiToken(token: string): boolean {
  return token.startsWith(prefix);
}

function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret).digest();
}
