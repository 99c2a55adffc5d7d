import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { AppError } from "../../errors/app-error.ts";

export const maxBodyBytes = 1024 * 1024;

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    imgSrc: ["'self'", "data:"],
    // Inline styles only (the API reference page); scripts stay same-origin files.
    styleSrc: ["'self'", "'unsafe-inline'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "same-origin",
});

const bodyLimitOver1Mb = bodyLimit({
  maxSize: maxBodyBytes,
  onError: () => {
    throw new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 1 MB.");
  },
});

/**
 * 413 for bodies over 1 MB. GET and HEAD bodies are never read, and looking for one would
 * make the adapter build a full Request object for every read: they skip the check.
 */
export const limitBodySize: MiddlewareHandler = (c, next) =>
  c.req.method === "GET" || c.req.method === "HEAD" ? next() : bodyLimitOver1Mb(c, next);
