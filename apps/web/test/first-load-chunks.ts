/** One entry of Vite's `dist/.vite/manifest.json`, as far as the budget needs it. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/**
 * The JavaScript files a browser must load before a chunk runs: the chunk and, transitively,
 * its static imports. Dynamic imports are left out; they load when used.
 */
export function firstLoadFiles(manifest: Manifest, key: string): string[] {
  const files = new Set<string>();
  const visit = (current: string) => {
    const chunk = manifest[current];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return [...files];
}

/**
 * What each route loads first: the app's entry for the routes in the main chunk, and for
 * a lazy route (a dynamic entry) its own chunk on top of the entry, which is already
 * loaded when one navigates there.
 */
export function routeBundles(manifest: Manifest): Record<string, string[]> {
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error("the manifest has no entry");
  const entryFiles = firstLoadFiles(manifest, entryKey);
  const bundles: Record<string, string[]> = { [entryKey]: entryFiles };
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry) continue;
    bundles[key] = [...new Set([...entryFiles, ...firstLoadFiles(manifest, key)])];
  }
  return bundles;
}
