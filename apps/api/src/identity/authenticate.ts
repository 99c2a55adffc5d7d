import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { isApiToken, parseApiToken } from "./api-token-secret.ts";
import {
  type CredentialStore,
  findApiTokenPrincipal,
  findSessionPrincipal,
} from "./credential-store.ts";
import { anonymous, type Principal } from "./principal.ts";
import { verifyToken } from "./signed-token.ts";

export const sessionCookieName = "booking_session";

export interface Credentials {
  authorization: string | undefined;
  sessionCookie: string | undefined;
  manageToken: string | undefined;
}

const uuid = z.uuid();

/**
 * Resolves the caller from the request's credentials. No credentials: anonymous. Any
 * credential that is present but tampered, expired, revoked or unknown: 401, so that a
 * script with a stale token learns it at once instead of acting anonymously.
 */
export async function authenticate(
  credentials: Credentials,
  deps: CredentialStore & { tokenSigningKey: Buffer },
  now: Date,
): Promise<Principal> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? "")?.[1];
  if (credentials.authorization !== undefined && !bearer) {
    throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  }
  const token = bearer ?? credentials.sessionCookie;
  if (token) {
    const principal = isApiToken(token)
      ? await apiTokenPrincipal(token, deps)
      : await sessionPrincipal(token, deps, now);
    if (!principal) throw unauthenticated("The token is invalid, expired or revoked.");
    return principal;
  }
  if (credentials.manageToken) {
    const check = verifyToken(deps.tokenSigningKey, "manage", credentials.manageToken, now);
    if (!check.valid || !uuid.safeParse(check.claims.subject).success) {
      throw unauthenticated("The booking token is invalid or expired.");
    }
    return { kind: "guest", bookingId: check.claims.subject, tokenId: check.claims.id };
  }
  return anonymous;
}

async function apiTokenPrincipal(token: string, store: CredentialStore) {
  const parsed = parseApiToken(token);
  return parsed ? findApiTokenPrincipal(store, parsed.tokenId, parsed.secretHash) : undefined;
}

async function sessionPrincipal(
  token: string,
  deps: CredentialStore & { tokenSigningKey: Buffer },
  now: Date,
) {
  const check = verifyToken(deps.tokenSigningKey, "session", token, now);
  if (!check.valid || !uuid.safeParse(check.claims.id).success) return undefined;
  const principal = await findSessionPrincipal(deps, check.claims.id, now);
  return principal?.userId === check.claims.subject ? principal : undefined;
}

function unauthenticated(message: string): AppError {
  return new AppError("UNAUTHENTICATED", message);
}
