import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppDependencies } from "../../context/app-dependencies.ts";
import { AppError } from "../../errors/app-error.ts";
import { authenticate, sessionCookieName } from "../../identity/authenticate.ts";
import type { Principal } from "../../identity/principal.ts";
import type { AppEnv } from "../app-env.ts";
import { clearedSessionCookie } from "../session-cookie.ts";
import { isTls } from "../transport.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the caller once per request. A cookie session may only change something when
 * the request comes from our own origin: browsers send `Origin` (or `Sec-Fetch-Site`) with
 * every cross-site POST, which is how a forged form post is told apart (CSRF).
 */
export function authentication(deps: AppDependencies): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header("authorization");
    const sessionCookie = authorization ? undefined : getCookie(c, sessionCookieName);
    const credentials = {
      authorization,
      sessionCookie,
      manageToken: c.req.header("x-booking-token"),
    };
    const keys = {
      database: deps.database,
      caches: deps.caches,
      tokenSigningKey: deps.secrets.tokenSigningKey,
    };
    let principal: Principal;
    try {
      principal = await authenticate(credentials, keys, new Date());
    } catch (error) {
      // A stale cookie (expired, revoked, erased account) is not a mistake of the person
      // in front of the browser: treat them as logged out and drop the cookie. A bad
      // bearer token stays a 401, so a script learns that its token is dead.
      if (!(sessionCookie && error instanceof AppError && error.code === "UNAUTHENTICATED"))
        throw error;
      principal = await authenticate(
        { ...credentials, sessionCookie: undefined },
        keys,
        new Date(),
      );
      c.header("Set-Cookie", clearedSessionCookie(isTls(c.req.raw, deps.config.trustProxy)), {
        append: true,
      });
    }
    const viaCookie = sessionCookie !== undefined && principal.kind === "user";
    if (
      viaCookie &&
      !safeMethods.has(c.req.method) &&
      isCrossSite(c.req.raw, deps.config.trustProxy)
    ) {
      throw new AppError("FORBIDDEN", "Cross-site requests cannot use the session cookie.");
    }
    c.set("principal", principal);
    c.set("viaCookie", viaCookie);
    return next();
  };
}

function isCrossSite(request: Request, trustProxy: boolean): boolean {
  const origin = request.headers.get("origin");
  if (origin) {
    // Compare hosts, not URLs: behind a TLS-terminating proxy our own URL is plain http.
    const ownHost =
      (trustProxy ? request.headers.get("x-forwarded-host") : null) ??
      request.headers.get("host") ??
      new URL(request.url).host;
    return URL.canParse(origin) ? new URL(origin).host !== ownHost : true;
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  return fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none";
}
