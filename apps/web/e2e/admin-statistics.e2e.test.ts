import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { BookingDto, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import type { Browser } from "playwright-core";
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
let house: { venue: VenueDto; offering: OfferingDto; rooms: ResourceDto[] };
const consoleErrors: string[] = [];

beforeAll(async () => {
  // The demo's holiday home: stays the owner confirms count in its statistics.
  api = await spawnApi({
    DATABASE_URL: database().url,
    LOG_LEVEL: "info",
    BOOKING_DEMO: "1",
    BOOKING_OWNER_EMAIL: owner.email,
    BOOKING_OWNER_PASSWORD: owner.password,
    // The test polls the read model; the per-client limit would count those calls.
    RATE_LIMIT_PER_MINUTE: "0",
  });
  browser = await launchBrowser();
  await mkdir(screenshots, { recursive: true });
  ownerToken = (await call<{ token: string }>("POST", "/auth/login", { body: owner })).token;
  const { items: venues } = await call<{ items: VenueDto[] }>("GET", "/venues");
  const venue = venues.find((candidate) => candidate.name === "Ferienhaus am See");
  if (!venue) throw new Error("no demo holiday home");
  const [offering] = (await call<{ items: OfferingDto[] }>("GET", `/venues/${venue.id}/offerings`))
    .items;
  if (!offering) throw new Error("no demo stay offering");
  const rooms = (await call<{ items: ResourceDto[] }>("GET", `/venues/${venue.id}/resources`))
    .items;
  house = { venue, offering, rooms };
  await stays();
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

/** A local date `days` from today, `YYYY-MM-DD`. */
function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A two-night stay in the first room free from about `days` ahead (the demo has stays). */
async function requestStay(token: string, days: number): Promise<BookingDto> {
  for (let offset = days; offset < days + 60; offset += 3) {
    const { nights } = await call<{ nights: { freeResourceIds: string[] }[] }>(
      "GET",
      `/offerings/${house.offering.id}/availability?from=${dateIn(offset)}&to=${dateIn(offset + 2)}&guests=2`,
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
    };
    return (await call<{ booking: BookingDto }>("POST", "/bookings", { token, body })).booking;
  }
  throw new Error("no free room");
}

async function ownerPage(viewport: { width: number; height: number }, timezoneId: string) {
  const context = await browser.newContext({ viewport, locale: "en-GB", timezoneId });
  const page = await context.newPage();
  // A missing element fails with its locator well before the test's own time runs out.
  page.setDefaultTimeout(10_000);
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The browser logs every non-2xx answer (the session check before logging in).
    if (message.text().startsWith("Failed to load resource")) return;
    consoleErrors.push(`${message.text()} @ ${JSON.stringify(message.location())}`);
  });
  await page.goto(`${api.url}/login`);
  await page.getByLabel("E-mail address").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/account");
  return page;
}

interface MonthFigures {
  month: string;
  bookings: number;
  guests: number;
  nights: number;
  revenue: number;
  confirmed: number;
  cancelled: number;
  occupancy: number;
}

let year: number;

const statistics = () =>
  call<{ currency: string; months: MonthFigures[] }>(
    "GET",
    `/stats/monthly?year=${year}&venueId=${house.venue.id}`,
    { token: ownerToken },
  );
const confirmedInYear = async () =>
  (await statistics()).months.reduce((sum, month) => sum + month.confirmed, 0);

/** Polls (beforeAll has no expect.poll) until `condition` holds; fails after 15 s. */
async function until(what: string, condition: () => Promise<boolean>) {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited in vain: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Until the read models have read the whole log (the demo's bookings included). */
function caughtUp() {
  return until("the projections to catch up", async () => {
    const ready = (await (await fetch(`${api.url}/ready`)).json()) as {
      projections: { lag: number }[];
    };
    return ready.projections.every((projection) => projection.lag === 0);
  });
}

/** Three stays a member requests and the owner confirms, all starting in one year. */
async function stays() {
  const member = await approvedMember("stella@family.example", "Stella Stat");
  const first = await requestStay(member.token, 30);
  year = Number((first.checkIn ?? "").slice(0, 4));
  await caughtUp();
  const before = await confirmedInYear();
  const made = [first, await requestStay(member.token, 33), await requestStay(member.token, 36)];
  for (const stay of made) {
    await call("POST", `/bookings/${stay.id}/confirm`, { token: ownerToken });
  }
  const inYear = made.filter((stay) => stay.checkIn?.startsWith(`${year}-`)).length;
  expect(inYear).toBeGreaterThan(0);
  await until(
    "the statistics to count the stays",
    async () => (await confirmedInYear()) === before + inYear,
  );
}

/** The table's cells as the api's figures read in British English. */
function expectedRow(month: MonthFigures, currency: string): string[] {
  const count = new Intl.NumberFormat("en-GB");
  return [
    new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(
      new Date(`${month.month}-01T12:00:00Z`),
    ),
    count.format(month.bookings),
    count.format(month.confirmed),
    count.format(month.cancelled),
    count.format(month.guests),
    count.format(month.nights),
    new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(month.revenue / 100),
    new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }).format(
      Math.round(month.occupancy * 1000) / 1000,
    ),
  ];
}

/** A CSV row as the api's figures: plain numbers, money in major units, occupancy in %. */
function expectedCsvRow(month: MonthFigures): string {
  return [
    month.month,
    month.bookings,
    month.confirmed,
    month.cancelled,
    month.guests,
    month.nights,
    (month.revenue / 100).toFixed(2),
    (Math.round(month.occupancy * 1000) / 10).toFixed(1),
  ].join(",");
}

describe.each([
  ["phone", { width: 390, height: 844 }, "Europe/Lisbon"],
  ["desktop", { width: 1280, height: 800 }, "Europe/Berlin"],
] as const)("on a %s", (device, viewport, timezoneId) => {
  test("the owner reads a year's occupancy and revenue as charts, a table and a CSV file", async () => {
    const page = await ownerPage(viewport, timezoneId);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Administration" })
      .click();
    await page
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: "Statistics" })
      .click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Statistics");
    await page.getByLabel("Venue", { exact: true }).selectOption({ label: house.venue.name });
    await expect.poll(() => new URL(page.url()).searchParams.get("venueId")).toBe(house.venue.id);
    const shownYear = page.getByRole("heading", { level: 2, name: /^\d{4}$/ });
    const thisYear = Number(
      new Intl.DateTimeFormat("en-CA", { timeZone: house.venue.timeZone }).format().slice(0, 4),
    );
    await expect.poll(() => shownYear.textContent()).toBe(String(thisYear));
    if (year !== thisYear) {
      await page
        .getByRole("link", { name: year > thisYear ? "Next year" : "Previous year" })
        .click();
    }
    await expect.poll(() => shownYear.textContent()).toBe(String(year));
    expect(new URL(page.url()).searchParams.get("year")).toBe(String(year));

    // Two charts, drawn: named canvases of real size, the revenue bars in their green.
    const occupancyChart = page.getByRole("img", { name: /^Chart of the occupancy per month/ });
    const revenueChart = page.getByRole("img", { name: /^Chart of the revenue per month/ });
    await expect.poll(() => revenueChart.count()).toBe(1);
    expect(await occupancyChart.count()).toBe(1);
    for (const chart of [occupancyChart, revenueChart]) {
      expect(await chart.evaluate((element) => element.tagName)).toBe("CANVAS");
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(150);
      expect(box?.height).toBeGreaterThan(100);
    }
    const greenPixels = await revenueChart.evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const pixels = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let index = 0; pixels && index < pixels.length; index += 4) {
        if (pixels[index] === 0x27 && pixels[index + 1] === 0x67 && pixels[index + 2] === 0x49)
          count++;
      }
      return count;
    });
    expect(greenPixels).toBeGreaterThan(0);

    // The table under them has the api's figures.
    const { currency, months } = await statistics();
    const rows = page.getByTestId("statistics-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(12);
    const shown = await rows.evaluateAll((elements) =>
      elements.map((row) => [...row.children].map((cell) => cell.textContent ?? "")),
    );
    expect(shown).toEqual(months.map((month) => expectedRow(month, currency)));
    expect(months.reduce((sum, month) => sum + month.revenue, 0)).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}admin-statistics-${device}.png`, fullPage: true });

    // The CSV file has the same rows.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download table (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`statistics-ferienhaus-am-see-${year}.csv`);
    const text = await readFile(await file.path(), "utf8");
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1)).toEqual([
      "Month,Bookings,Confirmed,Cancelled,Guests,Nights / appointments,Revenue (EUR),Occupancy (%)",
      ...months.map(expectedCsvRow),
    ]);
    await page.context().close();
  });
});
