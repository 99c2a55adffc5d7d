import type { BrowserContextOptions, Page } from "playwright-core";
import type { DemoSite } from "./demo-site.ts";

/**
 * A page with the owner logged in, in English unless told otherwise. A missing element fails
 * with its locator after ten seconds, well before the test's own time runs out.
 */
export async function ownerPage(site: DemoSite, options: BrowserContextOptions): Promise<Page> {
  const page = await site.openPage({ locale: "en-GB", ...options }, { defaultTimeout: 10_000 });
  await site.logIn(page, site.owner);
  return page;
}

/** From the main menu to the admin's desk, and there to one of its sections, by clicks. */
export async function goToAdminSection(page: Page, section: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Administration" })
    .click();
  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: section })
    .click();
}
