import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { useDemoSite } from "./harness/demo-site.ts";
import type { Credentials } from "./harness/pages.ts";
import { runScreenshots } from "./harness/screenshots.ts";

// A site without demo data: the people here register through the pages.
const site = useDemoSite({ demoData: false, screenshots: runScreenshots });
const owner = site.owner;
const member = {
  name: "Mia Muster",
  email: "mia@family.example",
  phone: "+49 30 1234567",
  password: "mias-secret-password",
};
const phone = { viewport: { width: 390, height: 844 }, locale: "en-US" } as const;

/** A fresh browser profile (own cookies), on a phone unless told otherwise. */
function openPage(options: { locale?: string } = {}): Promise<Page> {
  return site.openPage({ ...phone, ...options, acceptDownloads: true });
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${site.screenshots}${name}.png`, fullPage: true });
}

/** Several logins here are meant to fail: the form is sent, where it leads is each test's. */
const logIn = (page: Page, credentials: Credentials) =>
  site.logIn(page, credentials, { awaitAccount: false });

test("a wrong password is refused with a clear message", async () => {
  const page = await openPage();
  await logIn(page, { email: owner.email, password: "not-the-password" });
  const alert = page.getByRole("alert");
  await expect.poll(() => alert.textContent()).toBe("The e-mail address or the password is wrong.");
  expect(new URL(page.url()).pathname).toBe("/login");
  await shoot(page, "login-wrong-password");
});

test("a person registers, the owner approves them, and they log in to My account", async () => {
  // The person registers.
  const person = await openPage();
  await person.goto(`${site.url}/`);
  await person.getByRole("link", { name: "Register" }).first().click();
  await expect.poll(() => person.getByRole("heading", { level: 1 }).textContent()).toBe("Register");
  await person.getByRole("button", { name: "Create account" }).click();
  await expect.poll(() => person.getByText("Please correct the marked fields.").count()).toBe(1);
  await shoot(person, "register-validation");
  await person.getByLabel("Name", { exact: true }).fill(member.name);
  await person.getByLabel("E-mail address").fill(member.email);
  await person.getByLabel("Phone (optional)").fill(member.phone);
  await person.getByLabel("Password").fill(member.password);
  await person.getByRole("button", { name: "Create account" }).click();
  const success = person.getByRole("status");
  await expect.poll(() => success.textContent()).toContain("waits for an administrator's approval");
  await shoot(person, "register-success");

  // Before approval, the right password tells them to wait.
  await logIn(person, member);
  await expect
    .poll(() => person.getByRole("alert").textContent())
    .toBe("Your account still waits for an administrator's approval.");

  // The owner approves them in the approval queue, where the admin's desk opens.
  const admin = await openPage();
  await logIn(admin, owner);
  await expect.poll(() => new URL(admin.url()).pathname).toBe("/account");
  await admin.getByRole("navigation").getByRole("link", { name: "Administration" }).click();
  await expect
    .poll(() => admin.getByRole("heading", { level: 1 }).textContent())
    .toBe("To approve");
  const pending = admin.getByTestId("pending-user").filter({ hasText: member.email });
  await expect.poll(() => pending.count()).toBe(1);
  await shoot(admin, "admin-pending");
  await admin.getByRole("button", { name: `Approve ${member.name}` }).click();
  await expect.poll(() => admin.getByText(`${member.name} approved.`).count()).toBe(1);
  await expect.poll(() => pending.count()).toBe(0);
  // The users page lists them as active, with what may be done to them.
  await admin
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Users" })
    .click();
  await expect.poll(() => admin.getByRole("heading", { level: 1 }).textContent()).toBe("Users");
  const row = admin.getByTestId("user-row").filter({ hasText: member.email });
  await expect.poll(() => row.textContent()).toContain("Active");
  await shoot(admin, "admin-approved");

  // Disabled, they are told so at login; enabled again, they get in.
  await admin.getByRole("button", { name: `Disable ${member.name}` }).click();
  await expect.poll(() => row.textContent()).toContain("Disabled");
  await logIn(person, member);
  await expect
    .poll(() => person.getByRole("alert").textContent())
    .toBe("Your account is disabled. Please contact the administrator.");
  await admin.getByRole("button", { name: `Enable ${member.name}` }).click();
  await expect.poll(() => row.textContent()).toContain("Active");

  // The member logs in and sees My account.
  await logIn(person, member);
  await expect.poll(() => new URL(person.url()).pathname).toBe("/account");
  await expect.poll(() => person.getByTestId("profile-name").textContent()).toBe(member.name);
  expect(await person.getByTestId("signed-in-as").textContent()).toBe(
    `Signed in as ${member.name}`,
  );
  // Members get no admin link.
  expect(await person.getByRole("link", { name: "Administration" }).count()).toBe(0);
  await shoot(person, "account");

  // An API token: created, its secret shown once, listed, revoked.
  await person.getByLabel("Name of the new token").fill("laptop script");
  await person.getByRole("button", { name: "Create token" }).click();
  const secret = person.getByTestId("token-secret");
  await expect.poll(async () => (await secret.inputValue()).length).toBeGreaterThan(20);
  const token = await secret.inputValue();
  const me = await fetch(`${site.url}/api/v1/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(me.status).toBe(200);
  await shoot(person, "account-token-created");
  await person.getByRole("button", { name: "Done" }).click();
  await person.getByRole("button", { name: "Revoke token laptop script" }).click();
  await expect.poll(() => person.getByText("You have no API tokens.").count()).toBe(1);

  // A calendar feed: its address shown once, a calendar that answers, then revoked.
  await person.getByLabel("Name of the new feed (e.g. “My phone”)").fill("My phone");
  await person.getByRole("button", { name: "Create feed" }).click();
  const feedUrl = person.getByTestId("feed-url");
  await expect.poll(async () => (await feedUrl.inputValue()).endsWith(".ics")).toBe(true);
  // The address names PUBLIC_URL's host (localhost); ask this api at its own address.
  const feedPath = new URL(await feedUrl.inputValue()).pathname;
  const feed = await fetch(`${site.url}${feedPath}`);
  expect(feed.status).toBe(200);
  expect(feed.headers.get("content-type")).toContain("text/calendar");
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await shoot(person, "account-feed-created");
  await person.getByRole("button", { name: "Done" }).click();
  await person.getByRole("button", { name: "Revoke feed My phone" }).click();
  await expect.poll(() => person.getByText("You have no calendar feeds.").count()).toBe(1);
  expect((await fetch(`${site.url}${feedPath}`)).status).toBe(404);

  // The language of my e-mails: saved with the account.
  await person.getByLabel("Language of my e-mails").selectOption("de");
  await expect.poll(() => person.getByText("Saved.").count()).toBe(1);
  const login = await fetch(`${site.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: member.email, password: member.password }),
  });
  const { user: saved } = (await login.json()) as { user: { language?: string } };
  expect(saved.language).toBe("de");

  // Download my data: a JSON file with the profile in it.
  const [download] = await Promise.all([
    person.waitForEvent("download"),
    person.getByRole("button", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^booking-data-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), "utf8")) as {
    user: { email: string };
  };
  expect(exported.user.email).toBe(member.email);

  // Logging out leaves a logged-out header behind.
  await person.getByRole("button", { name: "Log out" }).click();
  await expect.poll(() => new URL(person.url()).pathname).toBe("/login");
  expect(await person.getByTestId("signed-in-as").count()).toBe(0);
  await person.goto(`${site.url}/account`);
  await expect
    .poll(() => person.getByRole("alert").textContent())
    .toBe("Please log in to see this page.");

  // The owner cannot erase the account: there must always be an owner.
  await admin.getByRole("navigation").getByRole("link", { name: "My account" }).click();
  await admin.getByRole("button", { name: "Erase my account…" }).click();
  await admin.getByLabel("I understand that my account is erased for good.").check();
  await admin.getByRole("button", { name: "Erase for good" }).click();
  await expect
    .poll(() => admin.getByRole("alert").textContent())
    .toBe("The owner cannot do this: hand ownership to another person first.");
  await shoot(admin, "account-owner-erase-refused");

  // The member erases their account, after a confirmation step; then it is gone.
  await logIn(person, member);
  await person.getByRole("button", { name: "Erase my account…" }).click();
  const eraseButton = person.getByRole("button", { name: "Erase for good" });
  expect(await eraseButton.isDisabled()).toBe(true);
  await person.getByLabel("I understand that my account is erased for good.").check();
  await shoot(person, "account-erase-confirm");
  await eraseButton.click();
  await expect.poll(() => new URL(person.url()).pathname).toBe("/goodbye");
  expect(await person.getByTestId("signed-in-as").count()).toBe(0);
  // A fresh browser: the api rejects every call that carries the revoked session cookie
  // (which erasure does not clear), so this one could not even try to log in.
  const later = await openPage();
  await logIn(later, member);
  await expect
    .poll(() => later.getByRole("alert").textContent())
    .toBe("The e-mail address or the password is wrong.");

  expect(site.consoleErrors).toEqual([]);
});

test("a German browser gets German pages, and the switcher changes the language", async () => {
  const page = await openPage({ locale: "de-DE" });
  await page.goto(`${site.url}/register`);
  await expect
    .poll(() => page.getByRole("heading", { level: 1 }).textContent())
    .toBe("Registrieren");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  await shoot(page, "register-de");
  await page.getByLabel("Sprache").selectOption("en");
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Register");
  expect(site.consoleErrors).toEqual([]);
});
