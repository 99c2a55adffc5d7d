import { z } from "zod";

const claimsSchema = z.object({ subject: z.uuid(), expiresAt: z.number() });

/**
 * The booking a manage token opens. The token is `manage.<payload>.<signature>`; its payload
 * is base64url JSON whose `subject` is the booking's id. Only the api can tell whether the
 * signature holds; this reads the id to ask for, and spots links that cannot be tokens.
 */
export function readManageToken(
  token: string,
): { bookingId: string; expired: boolean } | undefined {
  const [kind, payload, signature, ...rest] = token.split(".");
  if (kind !== "manage" || !payload || !signature || rest.length > 0) return undefined;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims = claimsSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (!claims.success) return undefined;
    return { bookingId: claims.data.subject, expired: claims.data.expiresAt * 1000 <= Date.now() };
  } catch {
    return undefined;
  }
}
