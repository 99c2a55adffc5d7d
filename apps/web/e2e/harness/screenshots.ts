import { fileURLToPath } from "node:url";

/** The README shows these; they are kept in the repository, unlike test-results/. */
export const readmeScreenshots = fileURLToPath(
  new URL("../../../../docs/screenshots/", import.meta.url),
);

/** Screenshots to look at after a run; not kept. */
export const runScreenshots = fileURLToPath(new URL("../../test-results/", import.meta.url));
