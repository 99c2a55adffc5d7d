import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { BookingDto, OfferingDto, VenueDto } from "@booking/contracts";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { launchBrowser } from "./launch-browser.ts";

// The README shows these; they are kept in the repository, unlike test-results/.
const screenshots = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
const database = useTestDatabase();
const owner = { email: "owner@family.example", password: "owner-password-42" };

let api: ApiProcess;
let browser: Browser;
let ownerToken: string;
let house: { venue: VenueDto; offering: OfferingDto };
const consoleErrors: string[] = [];

beforeAll(async () => {
  // The demo data: a holiday home that approves each stay.
  api = await spawnApi({
    DATABASE_URL: database().url,
    LOG_LEVEL: "info",
    BOOKING_DEMO: "1",
    BOOKING_OWNER_EMAIL: owner.email,
    BOOKING_OWNER_PASSWORD: owner.password,
  });
  browser = await launchBrowser();
  await mkdir(screenshots, { recursive: true });
  ownerToken = (await call<{ token: string }>("POST", "/auth/login", { body: owner })).token;
  const { items: venues } = await call<{ items: VenueDto[] }>("GET", "/venues");
  const venue = venues.find((candidate) => candidate.name === "Ferienhaus am See");
  if (!venue) throw new Error("no demo holiday home");
  const { items } = await call<{ items: OfferingDto[] }>("GET", `/venues/${venue.id}/offerings`);
  const offering = items[0];
  if (!offering) throw new Error("no demo stay offering");
  house = { venue, offering };
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  expect(consoleErrors).toEqual([]);
});

/** A REST call; fails the test on anything but a 2xx. */
async function call<T>(
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<T> {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A registered member the owner approved, with a login token for the API. */
async function approvedMember(email: string, name: string) {
  const member = { email, password: "members-password-42", name };
  const { user } = await call<{ user: { id: string } }>("POST", "/auth/register", {
    body: member,
  });
  await call("POST", `/users/${user.id}/approve`, { token: ownerToken });
  const { token } = await call<{ token: string }>("POST", "/auth/login", {
    body: { email, password: member.password },
  });
  return { ...member, token };
}

function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A two-night stay request in the first room free from about `days` ahead, with notes. */
async function requestStay(token: string, days: number, notes: string): Promise<BookingDto> {
  for (let offset = days; offset < days + 60; offset += 3) {
    const { nights } = await call<{ nights: { freeResourceIds: string[] }[] }>(
      "GET",
      `/offerings/${house.offering.id}/availability?from=${dateIn(offset)}&to=${dateIn(offset + 2)}`,
    );
    const [first, second] = nights;
    const room = first?.freeResourceIds.find((id) => second?.freeResourceIds.includes(id));
    if (!room) continue;
    const body = {
      offeringId: house.offering.id,
      resourceIds: [room],
      checkIn: dateIn(offset),
      checkOut: dateIn(offset + 2),
      guests: 2,
      notes,
    };
    return (await call<{ booking: BookingDto }>("POST", "/bookings", { token, body })).booking;
  }
  throw new Error("no free room");
}

async function openPage(options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (message.text().startsWith("Failed to load resource")) return;
    consoleErrors.push(`${message.text()} @ ${JSON.stringify(message.location())}`);
  });
  return page;
}

async function logIn(page: Page, person: { email: string; password: string }) {
  await page.goto(`${api.url}/login`);
  await page.getByLabel("E-mail address").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/account");
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const statusOf = (page: Page) =>
  page.getByRole("heading", { level: 1 }).getByTestId("booking-status").textContent();

describe.each([
  ["phone", { width: 390, height: 844 }, "Europe/Lisbon", 50],
  ["desktop", { width: 1280, height: 800 }, "Europe/Berlin", 70],
] as const)("on a %s", (device, viewport, timezoneId, daysAhead) => {
  test("the owner confirms one request and rejects another in the queue; the member sees both", async () => {
    const member = await approvedMember(`queue-${device}@family.example`, `Queue ${device}`);
    const accepted = await requestStay(member.token, daysAhead, `First stay ${device}`);
    const refused = await requestStay(member.token, daysAhead + 10, `Second stay ${device}`);
    expect([accepted.status, refused.status]).toEqual(["pending", "pending"]);

    const page = await openPage({ viewport, locale: "en-GB", timezoneId });
    await logIn(page, owner);
    await page.getByRole("navigation").getByRole("link", { name: "Administration" }).click();
    await expect.poll(() => heading(page)).toBe("To approve");
    // The menu counts what waits: at least these two requests.
    const queueLink = page
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: /^To approve/ });
    await expect
      .poll(async () => Number((await queueLink.textContent())?.match(/\d+/)?.[0] ?? 0))
      .toBeGreaterThanOrEqual(2);

    const first = page.getByTestId("pending-booking").filter({ hasText: `First stay ${device}` });
    const second = page.getByTestId("pending-booking").filter({ hasText: `Second stay ${device}` });
    await expect.poll(() => first.count()).toBe(1);
    await expect.poll(() => first.getByTestId("booker").textContent()).toContain(member.email);
    const facts = await first.textContent();
    expect(facts).toContain("Ferienhaus am See");
    expect(facts).toContain(member.name);
    expect(facts).toContain("Guests2");
    await expect
      .poll(() => first.getByTestId("room-check").textContent())
      .toContain("The rooms are kept for this request until you decide.");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}admin-queue-${device}.png`, fullPage: true });

    await first.getByRole("button", { name: /^Confirm the request/ }).click();
    await expect
      .poll(() => page.getByText(`The request of ${member.name} is confirmed.`).count())
      .toBe(1);
    await expect.poll(() => first.count()).toBe(0);

    await second.getByRole("button", { name: /^Reject the request/ }).click();
    const reason = "The house is closed for repairs then.";
    // Without a reason nothing is sent.
    await second.getByRole("button", { name: "Reject request" }).click();
    await expect.poll(() => second.getByText("Please fill in this field.").count()).toBe(1);
    await second.getByLabel(`Reason (sent to ${member.name})`).fill(reason);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-queue-reject-${device}.png`,
      fullPage: true,
    });
    await second.getByRole("button", { name: "Reject request" }).click();
    await expect
      .poll(() => page.getByText(`The request of ${member.name} is rejected.`).count())
      .toBe(1);
    await expect.poll(() => second.count()).toBe(0);

    // The member's own pages tell them.
    const own = await openPage({ viewport, locale: "en-GB", timezoneId });
    await logIn(own, member);
    await own.goto(`${api.url}/bookings/${accepted.id}`);
    await expect.poll(() => statusOf(own)).toBe("Confirmed");
    await expect
      .poll(() => own.getByTestId("history").textContent())
      .toContain("Confirmed by the venue");
    await own.goto(`${api.url}/bookings/${refused.id}`);
    await expect.poll(() => statusOf(own)).toBe("Rejected");
    await expect
      .poll(() => own.getByTestId("history").textContent())
      .toContain(`Reason: ${reason}`);
    await own.context().close();
    await page.context().close();
  }, 180_000);
});

test("an empty queue says so, in German too", async () => {
  // Decide everything that waits, through the api: the page must then say that nothing does.
  const queue = await call<{ pendingBookings: { items: BookingDto[] } }>(
    "GET",
    "/queue?limit=200",
    { token: ownerToken },
  );
  for (const booking of queue.pendingBookings.items) {
    await call("POST", `/bookings/${booking.id}/confirm`, { token: ownerToken });
  }
  const page = await openPage({ viewport: { width: 390, height: 844 }, locale: "de-DE" });
  await page.goto(`${api.url}/login`);
  await page.getByLabel("E-Mail-Adresse").fill(owner.email);
  await page.getByLabel("Passwort").fill(owner.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/account");
  await page.goto(`${api.url}/admin`);
  await expect.poll(() => page.getByText("Keine Buchungsanfrage wartet.").count()).toBe(1);
  expect(await heading(page)).toBe("Zu bestätigen");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${screenshots}admin-queue-empty-de.png`, fullPage: true });
  await page.context().close();
}, 60_000);
