import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { BookingDto, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import type { Browser, Locator, Page } from "playwright-core";
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
let workshop: { venue: VenueDto; offering: OfferingDto; bays: ResourceDto[] };
const consoleErrors: string[] = [];

beforeAll(async () => {
  // The demo's holiday home approves each stay: a request waits as pending.
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
  const garage = venues.find((candidate) => candidate.name === "Kfz-Werkstatt Krüger");
  const inspection = garage
    ? (await call<{ items: OfferingDto[] }>("GET", `/venues/${garage.id}/offerings`)).items.find(
        (candidate) => candidate.name === "Inspektion",
      )
    : undefined;
  if (!garage || !inspection) throw new Error("no demo workshop");
  const bays = (await call<{ items: ResourceDto[] }>("GET", `/venues/${garage.id}/resources`))
    .items;
  workshop = { venue: garage, offering: inspection, bays };
  const venue = venues.find((candidate) => candidate.name === "Ferienhaus am See");
  if (!venue) throw new Error("no demo holiday home");
  const [offering] = (await call<{ items: OfferingDto[] }>("GET", `/venues/${venue.id}/offerings`))
    .items;
  if (!offering) throw new Error("no demo stay offering");
  const rooms = (await call<{ items: ResourceDto[] }>("GET", `/venues/${venue.id}/resources`))
    .items;
  house = { venue, offering, rooms };
  // A closure half a year ahead, well after the stays the tests book.
  const from = `${closureMonth}-10`;
  const to = `${closureMonth}-12`;
  await call("PATCH", `/venues/${venue.id}`, {
    token: ownerToken,
    body: { closures: [...venue.closures, { from, to, reason: "Painters in the house" }] },
  });
});

/** A month half a year from now, `YYYY-MM`. */
const closureMonth = (() => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, 1))
    .toISOString()
    .slice(0, 7);
})();
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

/** Waits until the calendar read model shows the booking with this status. */
async function projected(booking: BookingDto, status: string) {
  const month = (booking.checkIn ?? "").slice(0, 7);
  await expect
    .poll(async () => {
      const { resources } = await call<{
        resources: { bookings: { id: string | null; status: string | null }[] }[];
      }>("GET", `/venues/${house.venue.id}/calendar?month=${month}`, { token: ownerToken });
      return resources.flatMap((resource) => resource.bookings).find((b) => b.id === booking.id)
        ?.status;
    })
    .toBe(status);
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

/** "January 2027" for "2027-01". */
function monthName(month: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${month}-01T12:00:00Z`));
}

/** The bar of a booking in the row of a room. */
function barIn(page: Page, roomName: string, bookingId: string): Locator {
  return page
    .getByTestId("calendar-row")
    .filter({ has: page.getByRole("heading", { level: 3, name: roomName, exact: true }) })
    .locator(`a[href="/admin/bookings/${bookingId}"]`);
}

/** The bar lies on its days: from the check-in day's column to the check-out day's. */
async function expectOnItsDays(page: Page, bar: Locator, booking: BookingDto) {
  const columns = page.locator(".cal-days > span");
  const column = async (date: string) => {
    const box = await columns.nth(Number(date.slice(8, 10)) - 1).boundingBox();
    if (!box) throw new Error(`no column for ${date}`);
    return box;
  };
  const box = await bar.boundingBox();
  if (!box) throw new Error("the bar is not drawn");
  const checkIn = await column(booking.checkIn ?? "");
  const checkOut = await column(booking.checkOut ?? "");
  // Check-in in the afternoon, check-out in the morning: inside those days' columns.
  expect(box.x).toBeGreaterThan(checkIn.x);
  expect(box.x).toBeLessThan(checkIn.x + checkIn.width);
  expect(box.x + box.width).toBeGreaterThan(checkOut.x);
  expect(box.x + box.width).toBeLessThan(checkOut.x + checkOut.width);
}

describe.each([
  ["phone", { width: 390, height: 844 }, "Europe/Lisbon", 30],
  ["desktop", { width: 1280, height: 800 }, "Europe/Berlin", 45],
] as const)("on a %s", (device, viewport, timezoneId, daysAhead) => {
  test("the owner sees bookings as bars on their rooms and days, month by month, and opens one", async () => {
    const member = await approvedMember(`carla-${device}@family.example`, `Carla ${device}`);
    const waiting = await requestStay(member.token, daysAhead);
    const confirmed = await requestStay(member.token, daysAhead + 3);
    await call("POST", `/bookings/${confirmed.id}/confirm`, { token: ownerToken });
    await projected(waiting, "pending");
    await projected(confirmed, "confirmed");
    const roomOf = (booking: BookingDto) =>
      house.rooms.find((room) => room.id === booking.resourceIds[0])?.name ?? "";
    const month = (waiting.checkIn ?? "").slice(0, 7);

    const page = await ownerPage(viewport, timezoneId);
    await page.goto(`${api.url}/admin/calendar?venueId=${house.venue.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Calendar");
    // It opens at the venue's current month; "Next month" walks to the booking's.
    const shown = page.getByTestId("calendar-month");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: house.venue.timeZone }).format();
    await expect.poll(() => shown.textContent()).toBe(monthName(today.slice(0, 7)));
    for (let step = 0; step < 3 && (await shown.textContent()) !== monthName(month); step++) {
      const before = await shown.textContent();
      await page.getByRole("link", { name: "Next month" }).click();
      await expect.poll(() => shown.textContent()).not.toBe(before);
    }
    expect(await shown.textContent()).toBe(monthName(month));
    expect(new URL(page.url()).searchParams.get("month")).toBe(month);

    const waitingBar = barIn(page, roomOf(waiting), waiting.id);
    const confirmedBar = barIn(page, roomOf(confirmed), confirmed.id);
    await expect.poll(() => waitingBar.count()).toBe(1);
    // Status by pattern and in words, not by colour alone.
    expect(await waitingBar.getAttribute("data-status")).toBe("pending");
    expect(await waitingBar.textContent()).toContain(`${member.name}, Waiting for the owner`);
    if ((confirmed.checkIn ?? "").startsWith(month)) {
      expect(await confirmedBar.getAttribute("data-status")).toBe("confirmed");
      expect(await confirmedBar.textContent()).toContain("Confirmed");
      await expectOnItsDays(page, confirmedBar, confirmed);
    }
    if ((waiting.checkOut ?? "").startsWith(month)) {
      await expectOnItsDays(page, waitingBar, waiting);
    }
    const legend = page.locator(".cal-legend");
    for (const status of ["Held", "Waiting for the owner", "Confirmed", "Completed"]) {
      expect(await legend.textContent()).toContain(status);
    }
    expect(await page.getByTestId("time-zone-note").textContent()).toContain("Europe/Berlin");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}admin-calendar-${device}.png`, fullPage: true });

    if (device === "phone") {
      // The chart scrolls sideways; the rooms' names stay where they are.
      const scroller = page.getByRole("region", { name: /^Bookings at Ferienhaus am See/ });
      const name = page.getByRole("heading", { level: 3, name: roomOf(waiting), exact: true });
      const before = await name.boundingBox();
      expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(
        true,
      );
      await scroller.evaluate((element) => {
        element.scrollLeft = 300;
      });
      await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBe(300);
      expect((await name.boundingBox())?.x).toBe(before?.x);
    }

    // A month on and back again.
    await page.getByRole("link", { name: "Next month" }).click();
    await expect.poll(() => shown.textContent()).not.toBe(monthName(month));
    await expect.poll(() => page.locator(".cal-rows").count()).toBe(1);
    const overlapsNext = !(waiting.checkOut ?? "").startsWith(month);
    expect(await waitingBar.count()).toBe(overlapsNext ? 1 : 0);
    await page.getByRole("link", { name: "Previous month" }).click();
    await expect.poll(() => shown.textContent()).toBe(monthName(month));
    await expect.poll(() => waitingBar.count()).toBe(1);

    // Closed days are shaded, and named under the chart.
    await page.goto(`${api.url}/admin/calendar?venueId=${house.venue.id}&month=${closureMonth}`);
    await expect.poll(() => shown.textContent()).toBe(monthName(closureMonth));
    const closedColumns = page.locator(".cal-days > span.cal-closed");
    await expect.poll(() => closedColumns.allTextContents()).toHaveLength(3);
    expect((await closedColumns.allTextContents()).map((text) => text.slice(1))).toEqual([
      "10",
      "11",
      "12",
    ]);
    expect(await page.locator(".cal-closures").textContent()).toContain("(Painters in the house)");
    await page.goBack();
    await expect.poll(() => shown.textContent()).toBe(monthName(month));
    await expect.poll(() => waitingBar.count()).toBe(1);

    await waitingBar.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/admin/bookings/${waiting.id}`);
    await page.context().close();
  });
});

test("a workshop's appointment is a bar on its bay, within its day", async () => {
  // The first free inspection at least four days ahead; the workshop confirms at once.
  let start: string | undefined;
  for (let days = 4; days < 60 && !start; days++) {
    const { slots } = await call<{ slots: { start: string }[] }>(
      "GET",
      `/offerings/${workshop.offering.id}/slots?date=${dateIn(days)}`,
    );
    start = slots[0]?.start;
  }
  if (!start) throw new Error("no free slot");
  const member = await approvedMember("theo@family.example", "Theo Tester");
  const { booking } = await call<{ booking: BookingDto }>("POST", "/bookings", {
    token: member.token,
    body: {
      offeringId: workshop.offering.id,
      start,
      guests: 1,
      answers: { make: "VW", model: "Golf", plate: "KI-AB 123" },
    },
  });
  expect(booking.status).toBe("confirmed");
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: workshop.venue.timeZone }).format(
    new Date(booking.start),
  );
  const month = day.slice(0, 7);
  await expect
    .poll(async () => {
      const { resources } = await call<{ resources: { bookings: { id: string | null }[] }[] }>(
        "GET",
        `/venues/${workshop.venue.id}/calendar?month=${month}`,
        { token: ownerToken },
      );
      return resources.some((resource) => resource.bookings.some((b) => b.id === booking.id));
    })
    .toBe(true);

  const page = await ownerPage({ width: 1280, height: 800 }, "Europe/Berlin");
  await page.goto(`${api.url}/admin/calendar?venueId=${house.venue.id}&month=${month}`);
  // Choosing the workshop opens its current month; the address then takes us to the one.
  await page.getByLabel("Venue", { exact: true }).selectOption({ label: workshop.venue.name });
  await expect.poll(() => new URL(page.url()).searchParams.get("venueId")).toBe(workshop.venue.id);
  await page.goto(`${api.url}/admin/calendar?venueId=${workshop.venue.id}&month=${month}`);
  const bay = workshop.bays.find((resource) => resource.id === booking.resourceIds[0])?.name ?? "";
  const bar = barIn(page, bay, booking.id);
  await expect.poll(() => bar.count()).toBe(1);
  expect(await bar.getAttribute("data-status")).toBe("confirmed");
  expect(await bar.textContent()).toContain("Theo Tester, Confirmed");
  // An hour's appointment is drawn at least three quarters of a day long, from its start.
  const column = await page
    .locator(".cal-days > span")
    .nth(Number(day.slice(8, 10)) - 1)
    .boundingBox();
  const box = await bar.boundingBox();
  expect(box && column).toBeTruthy();
  if (box && column) {
    expect(box.x).toBeGreaterThan(column.x);
    expect(box.x).toBeLessThan(column.x + column.width);
    expect(box.width).toBeGreaterThanOrEqual(column.width * 0.7);
  }
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({
    path: `${screenshots}admin-calendar-workshop-desktop.png`,
    fullPage: true,
  });
  await page.context().close();
});
