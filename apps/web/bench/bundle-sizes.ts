import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { type Manifest, routeBundles } from "../test/first-load-chunks.ts";

/** A manifest entry with the style sheets Vite lists for it (first-load-chunks.ts omits them). */
type ChunkWithCss = Manifest[string] & { name?: string; css?: string[] };

export interface RouteSize {
  /** The manifest key: `index.html` for the entry, else the lazy route's source file. */
  route: string;
  /** The chunk's name (`index`, `admin-page`, …), for labels. */
  name: string;
  jsFiles: number;
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
}

/**
 * What each route must load first, as bundle-budget.test.ts counts it (the entry with its
 * static imports; a lazy route plus its own chunk), gzipped at level 9 each file on its own;
 * and the style sheets of those chunks.
 */
export async function routeSizes(dist: string, manifest: Manifest): Promise<RouteSize[]> {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = async (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = await readFile(`${dist}${file}`);
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  const sum = async (files: string[]) => {
    const each = await Promise.all(files.map(sizeOf));
    return {
      raw: each.reduce((total, size) => total + size.raw, 0),
      gzip: each.reduce((total, size) => total + size.gzip, 0),
    };
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry) ?? "";
  const result: RouteSize[] = [];
  for (const [route, jsFiles] of Object.entries(routeBundles(manifest))) {
    const keys = route === entryKey ? [entryKey] : [entryKey, route];
    const css = [...new Set(keys.flatMap((key) => cssFiles(manifest, key)))];
    const js = await sum(jsFiles);
    const styles = await sum(css);
    result.push({
      route,
      name: (manifest[route] as ChunkWithCss | undefined)?.name ?? route,
      jsFiles: jsFiles.length,
      jsBytes: js.raw,
      jsGzipBytes: js.gzip,
      cssBytes: styles.raw,
      cssGzipBytes: styles.gzip,
    });
  }
  return result;
}

/** The style sheets of a chunk and, transitively, of its static imports. */
function cssFiles(manifest: Manifest, key: string): string[] {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (current: string) => {
    const chunk = manifest[current] as ChunkWithCss | undefined;
    if (!chunk || seen.has(current)) return;
    seen.add(current);
    for (const file of chunk.css ?? []) files.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return [...files];
}
