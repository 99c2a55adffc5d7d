import { serialize } from "hono/utils/cookie";
import { sessionCookieName } from "../identity/authenticate.ts";

/** HttpOnly, SameSite=Lax, Secure when the client came over TLS (docs/api.md, docs/quality.md). */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(sessionCookieName, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(sessionCookieName, "", {
    httpOnly: true,
    sameSite: "Lax",
    secure,
    path: "/",
    maxAge: 0,
  });
}
