import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { type Manifest, routeBundles } from "./first-load-chunks.ts";

/**
 * The budget of docs/quality.md's phone target: no route may need more than 200 kB of
 * gzipped JavaScript before it shows. It measures the real build (`turbo run test` builds
 * the web app first; alone, run `pnpm build` before `npx vitest run`).
 */
const budgetBytes = 200_000;
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const manifestPath = `${dist}.vite/manifest.json`;

async function gzippedSize(file: string): Promise<number> {
  return gzipSync(await readFile(`${dist}${file}`), { level: 9 }).length;
}

describe("bundle budget", () => {
  test("the build has a manifest (run `pnpm build` first)", () => {
    expect(existsSync(manifestPath), manifestPath).toBe(true);
  });

  test.runIf(existsSync(manifestPath))(
    "every route's first-load JavaScript is at most 200 kB gzip",
    async () => {
      const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Manifest;
      const bundles = routeBundles(manifest);
      const sizes: Record<string, number> = {};
      for (const [route, files] of Object.entries(bundles)) {
        const each = await Promise.all(files.map(gzippedSize));
        sizes[route] = each.reduce((sum, size) => sum + size, 0);
      }
      // Printed, as the benches print theirs: a change in size shows before it fails.
      for (const [route, bytes] of Object.entries(sizes)) {
        process.stdout.write(`first load of ${route}: ${(bytes / 1000).toFixed(1)} kB gzip\n`);
      }
      expect(Object.keys(sizes).length).toBeGreaterThan(1);
      for (const [route, bytes] of Object.entries(sizes)) {
        expect(bytes, route).toBeLessThanOrEqual(budgetBytes);
      }
    },
  );
});
