import { fileURLToPath } from "node:url";
import { type BuildOptions, defineConfig } from "rolldown";

const inThisPackage = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The api as production runs it (docs/adr/0002): one plain ES module with our own code and
 * the workspace packages (TypeScript sources) bundled in, every npm package left to
 * node_modules. Node then never starts its TypeScript stripper, which with the sources
 * costs about 28 MB of resident memory.
 *
 * The output goes to dist/, as deep in the package as src/, so whatever the code resolves
 * against its own file (`import.meta.url`: the web app's dist/) or from its folder (the
 * embedded PostgreSQL package, imported by name at run time) is found from the bundle too.
 * Not minified: stack traces keep our function names and the module comments.
 */
export function apiBundle(entry: string, outputFile: string): BuildOptions {
  return {
    input: inThisPackage(entry),
    platform: "node",
    // Bare specifiers other than @booking/* are npm packages: Node loads them from node_modules.
    external: /^(?!@booking\/)[^./]/,
    output: { file: inThisPackage(outputFile), format: "esm" },
  };
}

export default defineConfig(apiBundle("src/main.ts", "dist/main.js"));
