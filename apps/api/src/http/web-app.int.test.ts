import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { type PageDataEntry, transformer } from "@booking/contracts";
import { expect, test } from "vitest";
import { ownerToken } from "../../test/accounts.ts";
import { createVenue } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";

// A built web app as the web package's build leaves it: each asset with .br and .gz beside it.
const webRoot = mkdtempSync(join(tmpdir(), "booking-web-root-"));
const script = `console.log(${JSON.stringify("booking ".repeat(500))});`;
mkdirSync(join(webRoot, "assets"));
writeFileSync(join(webRoot, "index.html"), "<!doctype html><body><div id=root></div></body>");
writeFileSync(join(webRoot, "assets", "app-1234.js"), script);
writeFileSync(join(webRoot, "assets", "app-1234.js.gz"), gzipSync(script));
writeFileSync(join(webRoot, "assets", "app-1234.js.br"), brotliCompressSync(script));

const server = useTestServer({ webRoot });
const call = restClient(() => server().url);

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

/** The JSON data block of a page's HTML, as the web app reads it. */
function pageDataOf(html: string): PageDataEntry[] {
  const block = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html);
  return block?.[1] ? (JSON.parse(block[1]) as PageDataEntry[]) : [];
}

test("a venue's page arrives with the venue and its offerings, as the page's queries would get them", async () => {
  const venueId = await createVenue(call, await ownerToken(call), { name: "Werkstatt </script>" });
  const html = await (await fetch(`${server().url}/venues/${venueId}`)).text();
  // The name cannot end the data block early: `<` goes out escaped.
  expect(html).not.toContain("Werkstatt </script>");
  const entries = pageDataOf(html);
  expect(entries.map((entry) => [entry.procedure, entry.input])).toEqual([
    ["venues.get", { id: venueId }],
    ["offerings.list", { venueId }],
  ]);
  const venue = transformer.deserialize(entries[0]?.result as never) as { venue: { name: string } };
  expect(venue.venue.name).toBe("Werkstatt </script>");
});

test("a page that does not exist, or is not a public one, gets no data block", async () => {
  const missing = await (await fetch(`${server().url}/venues/${crypto.randomUUID()}`)).text();
  expect(pageDataOf(missing)).toEqual([]);
  expect(missing).not.toContain('id="page-data"');
  const account = await (await fetch(`${server().url}/account`)).text();
  expect(account).not.toContain('id="page-data"');
});
