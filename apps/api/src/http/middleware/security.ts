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

export const limitBodySize = bodyLimit({
  maxSize: maxBodyBytes,
  onError: () => {
    throw new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 1 MB.");
  },
});
