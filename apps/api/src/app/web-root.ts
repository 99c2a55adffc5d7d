import { fileURLToPath } from "node:url";

/**
 * The web app's build beside the api package (`apps/web/dist`), found from the entry
 * module's URL: `src/main.ts` and the production bundle `dist/main.js` sit at the same depth
 * in the package, so one relative path serves both. (Resolved from a module deeper in
 * `src/`, the same path would miss the bundle, which is a single file in `dist/`.)
 */
export function webRootBesideApi(entryModuleUrl: string): string {
  return fileURLToPath(new URL("../../web/dist/", entryModuleUrl));
}
