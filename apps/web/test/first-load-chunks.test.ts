import { describe, expect, test } from "vitest";
import { firstLoadFiles, type Manifest, routeBundles } from "./first-load-chunks.ts";

const manifest: Manifest = {
  "index.html": { file: "index.js", isEntry: true, imports: ["_shared.js"] },
  "_shared.js": { file: "shared.js", imports: ["index.html"] },
  "src/admin.tsx": { file: "admin.js", isDynamicEntry: true, imports: ["index.html", "_table.js"] },
  "_table.js": { file: "table.js" },
};

describe("first-load chunks", () => {
  test("follows static imports once each, also around a cycle", () => {
    expect(firstLoadFiles(manifest, "index.html")).toEqual(["index.js", "shared.js"]);
  });

  test("a lazy route loads the entry and its own chunks", () => {
    expect(routeBundles(manifest)).toEqual({
      "index.html": ["index.js", "shared.js"],
      "src/admin.tsx": ["index.js", "shared.js", "admin.js", "table.js"],
    });
  });
});
