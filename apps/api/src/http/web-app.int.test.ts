import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { useTestServer } from "../../test/test-server.ts";

// A built web app as the web package's build leaves it: each asset with .br and .gz beside it.
const webRoot = mkdtempSync(join(tmpdir(), "booking-web-root-"));
const script = `console.log(${JSON.stringify("booking ".repeat(500))});`;
mkdirSync(join(webRoot, "assets"));
writeFileSync(join(webRoot, "index.html"), "<!doctype html><div id=root></div>");
writeFileSync(join(webRoot, "assets", "app-1234.js"), script);
writeFileSync(join(webRoot, "assets", "app-1234.js.gz"), gzipSync(script));
writeFileSync(join(webRoot, "assets", "app-1234.js.br"), brotliCompressSync(script));

const server = useTestServer({ webRoot });

test("assets go out precompressed to browsers that accept it, as they are to the rest", async () => {
  const url = `${server().url}/assets/app-1234.js`;
  const brotli = await fetch(url, { headers: { "Accept-Encoding": "br, gzip" } });
  expect(brotli.headers.get("content-encoding")).toBe("br");
  expect(await brotli.text()).toBe(script);
  const gzip = await fetch(url, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzip.headers.get("content-encoding")).toBe("gzip");
  expect(await gzip.text()).toBe(script);
  const plain = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(await plain.text()).toBe(script);
  expect(plain.headers.get("cache-control")).toContain("immutable");
});
