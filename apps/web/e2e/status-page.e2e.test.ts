import { expect, test } from "vitest";
import { useDemoSite } from "./harness/demo-site.ts";
import { heading } from "./harness/pages.ts";
import { runScreenshots } from "./harness/screenshots.ts";

// A bare server: no demo data, no owner. Here even a failed load is a console error.
const site = useDemoSite({
  demoData: false,
  owner: null,
  screenshots: runScreenshots,
  keepFailedLoads: true,
});

test("the first page shows the server status, served by the api at /", async () => {
  const page = await site.openPage({ viewport: { width: 390, height: 844 }, locale: "en-US" });
  const response = await page.goto(`${site.url}/`);
  expect(response?.status()).toBe(200);
  await expect.poll(() => page.getByTestId("server-state").textContent()).toBe("Online");
  expect(await heading(page)).toBe("Booking");
  expect(await page.getByTestId("database").textContent()).toMatch(/^PostgreSQL \d+/);
  expect(await page.getByTestId("migrations").textContent()).toMatch(/^\d+ applied, 0 pending$/);
  const status = (await (await fetch(`${site.url}/api/v1/status`)).json()) as { version: string };
  expect(await page.getByTestId("version").textContent()).toBe(status.version);
  await page.screenshot({ path: `${site.screenshots}status-page.png`, fullPage: true });
  expect(site.consoleErrors).toEqual([]);
});

test("a client-side route reloads into the app, an unknown API path stays JSON", async () => {
  // A plain page, its console not watched: only the first page's is checked.
  const page = await site.browser.newPage({ locale: "en-US" });
  const status = await page.goto(`${site.url}/status`);
  expect(status?.status()).toBe(200);
  await expect.poll(() => page.getByTestId("server-state").textContent()).toBe("Online");
  expect(await page.title()).toBe("Server status · Booking");
  // An unknown path still gets the app, which says so itself.
  const response = await page.goto(`${site.url}/some/page`);
  expect(response?.status()).toBe(200);
  await expect.poll(() => heading(page)).toBe("Page not found");
  const apiMiss = await fetch(`${site.url}/api/v1/unknown`);
  expect(apiMiss.status).toBe(404);
  expect(apiMiss.headers.get("content-type")).toContain("application/json");
});
