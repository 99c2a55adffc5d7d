import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type axe from "axe-core";
import type { Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * Runs axe-core in the page and returns its serious and critical violations, readable.
 * The source goes in through the DevTools protocol (`evaluate`), not a script tag: the
 * api's Content-Security-Policy rightly refuses inline scripts.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const source = await readFile(axePath, "utf8");
  await page.evaluate(source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }),
  );
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}
