import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { expect } from "vitest";

export interface Credentials {
  email: string;
  password: string;
}

export interface PageSettings {
  /**
   * How long an action waits for its element. Lower than the test's time, so that a missing
   * element fails naming its locator instead of timing out the test.
   */
  defaultTimeout?: number;
}

export interface ConsoleErrors {
  readonly list: string[];
  /**
   * The browser logs every non-2xx answer as an error. Most tests provoke refusals (failed
   * logins, unknown venues, taken times) on purpose, so those lines are left out unless a
   * test wants a clean network too.
   */
  readonly keepFailedLoads: boolean;
}

/** A page in a fresh browser context (own cookies), whose console errors are collected. */
export async function openPage(
  browser: Browser,
  errors: ConsoleErrors,
  options: BrowserContextOptions,
  settings: PageSettings = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  if (settings.defaultTimeout !== undefined) page.setDefaultTimeout(settings.defaultTimeout);
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (!errors.keepFailedLoads && message.text().startsWith("Failed to load resource")) return;
    errors.list.push(`${message.text()} @ ${JSON.stringify(message.location())}`);
  });
  return page;
}

export interface LogInOptions {
  /** Waits until the login has led to My account; off for logins that are to fail. */
  awaitAccount?: boolean;
}

/** Logs in on the English login page. */
export async function logIn(
  page: Page,
  apiUrl: string,
  person: Credentials,
  { awaitAccount = true }: LogInOptions = {},
): Promise<void> {
  await page.goto(`${apiUrl}/login`);
  await page.getByLabel("E-mail address").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Log in" }).click();
  if (awaitAccount) await expect.poll(() => new URL(page.url()).pathname).toBe("/account");
}

/** The page's main heading. */
export const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
