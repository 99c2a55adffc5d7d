import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type PageDataEntry, pageDataElementId } from "@booking/contracts";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import type { AppEnv } from "./app-env.ts";

/** The answers a page starts with, sent inside its HTML (see `withPageData`). */
export type PageData = (c: Context<AppEnv>) => Promise<PageDataEntry[]>;

const apiPrefixes = ["/api/", "/trpc/", "/docs", "/health", "/ready", "/metrics"];

/**
 * The built web app at `/`: its files as they are, and index.html for any other GET so
 * that client-side routes survive a reload. API paths are never answered with the page.
 */
export function webAppRoutes(
  webRoot: string | undefined,
  pageData: PageData = async () => [],
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  if (!webRoot || !existsSync(join(webRoot, "index.html"))) return routes;
  const indexHtml = readFile(join(webRoot, "index.html"), "utf8");
  routes.use("/assets/*", async (c, next) => {
    await next();
    // Vite puts a content hash in every asset name: they never change, cache them forever.
    if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  // The build writes .br and .gz beside each asset (apps/web/precompress.ts): served as
  // they are to browsers that accept them.
  routes.use("/*", serveStatic({ root: webRoot, precompressed: true }));
  routes.get("/*", async (c, next) => {
    if (apiPrefixes.some((prefix) => c.req.path.startsWith(prefix))) return next();
    c.header("Cache-Control", "no-cache");
    return c.html(withPageData(await indexHtml, await pageData(c)));
  });
  return routes;
}

/**
 * Puts a page's answers into its HTML as a JSON data block: the browser does not run it (so
 * the Content-Security-Policy needs no exception) and the web app reads it at start. `<` is
 * escaped so that no string in the data can close the element.
 */
export function withPageData(html: string, entries: PageDataEntry[]): string {
  if (entries.length === 0) return html;
  const json = JSON.stringify(entries).replace(/</g, "\\u003c");
  const block = `<script type="application/json" id="${pageDataElementId}">${json}</script>`;
  return html.includes("</body>") ? html.replace("</body>", `${block}</body>`) : html + block;
}
