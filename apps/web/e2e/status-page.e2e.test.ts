import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser } from "./launch-browser.ts";

const screenshots = fileURLToPath(new URL("../test-results/", import.meta.url));
const database = useTestDatabase();
let api: ApiProcess;
let browser: Browser;

beforeAll(async () => {
  api = await spawnApi({ DATABASE_URL: database().url, LOG_LEVEL: "info" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

test("the first page shows the server status, served by the api at /", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "en-US" });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error")
      consoleErrors.push(`${message.text()} @ ${JSON.stringify(message.location())}`);
  });
  const response = await page.goto(`${api.url}/`);
  expect(response?.status()).toBe(200);
  await expect.poll(() => page.getByTestId("server-state").textContent()).toBe("Online");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Booking");
  expect(await page.getByTestId("database").textContent()).toMatch(/^PostgreSQL \d+/);
  expect(await page.getByTestId("migrations").textContent()).toMatch(/^\d+ applied, 0 pending$/);
  const status = (await (await fetch(`${api.url}/api/v1/status`)).json()) as { version: string };
  expect(await page.getByTestId("version").textContent()).toBe(status.version);
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}status-page.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("a client-side route reloads into the app, an unknown API path stays JSON", async () => {
  const page = await browser.newPage({ locale: "en-US" });
  const status = await page.goto(`${api.url}/status`);
  expect(status?.status()).toBe(200);
  await expect.poll(() => page.getByTestId("server-state").textContent()).toBe("Online");
  expect(await page.title()).toBe("Server status · Booking");
  // An unknown path still gets the app, which says so itself.
  const response = await page.goto(`${api.url}/some/page`);
  expect(response?.status()).toBe(200);
  await expect
    .poll(() => page.getByRole("heading", { level: 1 }).textContent())
    .toBe("Page not found");
  const apiMiss = await fetch(`${api.url}/api/v1/unknown`);
  expect(apiMiss.status).toBe(404);
  expect(apiMiss.headers.get("content-type")).toContain("application/json");
});
