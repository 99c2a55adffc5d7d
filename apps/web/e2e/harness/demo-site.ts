import { mkdir } from "node:fs/promises";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchBrowser } from "../launch-browser.ts";
import {
  type ConsoleErrors,
  type Credentials,
  type LogInOptions,
  logIn,
  openPage,
  type PageSettings,
} from "./pages.ts";
import { type CallOptions, restCall } from "./rest-call.ts";
import { readmeScreenshots } from "./screenshots.ts";

/** The owner the api creates at its first start when told to (BOOKING_OWNER_*). */
export const familyOwner: Credentials = {
  email: "owner@family.example",
  password: "owner-password-42",
};

export interface DemoSiteOptions {
  /** The demo data (a holiday home and a car workshop); on unless a test needs none. */
  demoData?: boolean;
  /** The owner to create and log in over the api; `null` for a site without one. */
  owner?: Credentials | null;
  /**
   * More environment for the api, such as RATE_LIMIT_PER_MINUTE or SMTP_URL. A function is
   * read when the api starts, after the file's own earlier `beforeAll` hooks ran.
   */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Where the file's screenshots go; created before the tests. */
  screenshots?: string;
  /** Counts failed loads among the console errors too (see ConsoleErrors). */
  keepFailedLoads?: boolean;
}

export interface DemoSite {
  readonly url: string;
  readonly browser: Browser;
  readonly owner: Credentials;
  /** The owner's api token (only with an owner). */
  readonly ownerToken: string;
  /** The directory for screenshots, ending in a slash. */
  readonly screenshots: string;
  /** Console errors of every page opened with `openPage`; none are allowed by the end. */
  readonly consoleErrors: string[];
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<T>;
  openPage(options: BrowserContextOptions, settings?: PageSettings): Promise<Page>;
  logIn(page: Page, person: Credentials, options?: LogInOptions): Promise<void>;
}

/**
 * A real api on its own database, and a browser, for one test file. Registers the hooks
 * that start and stop them; the accessors work inside tests and later `beforeAll` hooks.
 */
export function useDemoSite(options: DemoSiteOptions = {}): DemoSite {
  const database = useTestDatabase();
  const owner = options.owner === undefined ? familyOwner : options.owner;
  const screenshots = options.screenshots ?? readmeScreenshots;
  const errors: ConsoleErrors = { list: [], keepFailedLoads: options.keepFailedLoads ?? false };
  let api: ApiProcess | undefined;
  let browser: Browser | undefined;
  let ownerToken: string | undefined;

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useDemoSite(): no ${what} outside the tests`);
    return value;
  };

  const site: DemoSite = {
    get url() {
      return started(api, "api").url;
    },
    get browser() {
      return started(browser, "browser");
    },
    get owner() {
      return started(owner ?? undefined, "owner");
    },
    get ownerToken() {
      return started(ownerToken, "owner token");
    },
    screenshots,
    consoleErrors: errors.list,
    call: (method, path, callOptions) => restCall(site.url, method, path, callOptions),
    openPage: (contextOptions, settings) =>
      openPage(site.browser, errors, contextOptions, settings),
    logIn: (page, person, logInOptions) => logIn(page, site.url, person, logInOptions),
  };

  beforeAll(async () => {
    const env = typeof options.env === "function" ? options.env() : options.env;
    api = await spawnApi({
      DATABASE_URL: database().url,
      LOG_LEVEL: "info",
      ...(options.demoData === false ? {} : { BOOKING_DEMO: "1" }),
      ...(owner
        ? { BOOKING_OWNER_EMAIL: owner.email, BOOKING_OWNER_PASSWORD: owner.password }
        : {}),
      ...env,
    });
    browser = await launchBrowser();
    await mkdir(screenshots, { recursive: true });
    if (owner) {
      ownerToken = (await site.call<{ token: string }>("POST", "/auth/login", { body: owner }))
        .token;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    expect(errors.list).toEqual([]);
  });
  return site;
}
