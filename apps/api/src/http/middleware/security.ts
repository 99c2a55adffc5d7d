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
 * 413 for bodies over 1 MB. A declared Content-Length is checked as it is; only a streamed
 * (chunked) body goes through the counting check, which has the adapter build a full
 * Request object and read the body as a web stream: too slow for every request. GET and
 * HEAD bodies are never read.
 */
export const limitBodySize: MiddlewareHandler = (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  const declared = c.req.header("content-length");
  if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
    if (Number(declared) > maxBodyBytes) {
      throw new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 1 MB.");
    }
    return next();
  }
  return bodyLimitOver1Mb(c, next);
};
