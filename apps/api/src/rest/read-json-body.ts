import type { Context } from "hono";
import { AppError } from "../errors/app-error.ts";

/** The request body as JSON: 415 for another media type, 400 BAD_REQUEST when malformed. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return undefined;
  const contentType = c.req.header("content-type") ?? "application/json";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}
