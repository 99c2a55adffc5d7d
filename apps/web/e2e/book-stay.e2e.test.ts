import type { BookingDto, OfferingDto, VenueDto } from "@booking/contracts";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { demoVenue } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { approvedMember } from "./harness/members.ts";

// The demo's holiday home: five rooms, 1–14 nights, €65 per room and night plus €10 per
// guest and night, and the owner approves every stay.
const site = useDemoSite();
const { call, screenshots } = site;

let home: VenueDto;
let offering: OfferingDto;

beforeAll(async () => {
  home = await demoVenue(site, "Ferienhaus am See");
  const offerings = await call<{ items: OfferingDto[] }>("GET", `/venues/${home.id}/offerings`);
  const stay = offerings.items.find((item) => item.mode === "stay");
  if (!stay) throw new Error("no stay offering");
  offering = stay;
});

/** A member the owner has let in, named `name`, with an api session for their bookings. */
function memberNamed(name: string) {
  return approvedMember(site, {
    name,
    email: `${name.toLowerCase()}@family.example`,
    password: `${name.toLowerCase()}-secret-password`,
  });
}

/** Today in the venue's zone, moved by `days`, as YYYY-MM-DD. */
function venueDate(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Pages the calendar forward until the day's button shows. */
async function showDay(page: Page, date: string, nextMonth: string) {
  await page.locator(".stay-calendar .rdp-month").first().waitFor();
  const day = page.locator(`[data-date="${date}"]`);
  for (let turns = 0; turns < 3 && (await day.count()) === 0; turns++) {
    await page.getByRole("button", { name: nextMonth }).click();
  }
  await day.waitFor();
  return day;
}

const texts = {
  en: {
    loginNeeded: "Booking a stay needs an account.",
    logInToBook: "Log in to book",
    email: "E-mail address",
    password: "Password",
    logIn: "Log in",
    nextMonth: "Next month",
    guests: "Guests",
    total: "€255.00",
    capacity: "The chosen rooms sleep 2, but you are 4 guests. Choose a bigger or one more room.",
    submit: "Request this stay",
    pending: "Your request is pending — the owner will confirm it.",
    nights: "3 nights",
    checkInDay: "check-in",
    open: "Open this booking",
    confirmed: "Confirmed",
  },
  de: {
    loginNeeded: "Für einen Aufenthalt brauchst du ein Konto.",
    logInToBook: "Anmelden und buchen",
    email: "E-Mail-Adresse",
    password: "Passwort",
    logIn: "Anmelden",
    nextMonth: "Nächster Monat",
    guests: "Personen",
    total: "255,00\u00a0€",
    capacity:
      "Die gewählten Zimmer haben 2 Schlafplätze, ihr seid aber 4 Personen. Wähle ein größeres oder ein weiteres Zimmer.",
    submit: "Aufenthalt anfragen",
    pending: "Deine Anfrage ist offen – der Betreiber wird sie bestätigen.",
    nights: "3 Nächte",
    checkInDay: "Anreise",
    open: "Buchung öffnen",
    confirmed: "Bestätigt",
  },
} as const;

/** A date as the calendar names it to screen readers. */
function longDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}

const activeDate = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-date"));

/** The page scrolls only down: nothing sticks out sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

// The smallest phone reads the calendar in Honolulu, ten hours behind the house: the
// days must still be the house's days.
describe.each([
  ["phone", { width: 390, height: 844 }, "en", "en-GB", "Europe/Lisbon", "Mia", "Seezimmer", 10],
  [
    "desktop",
    { width: 1280, height: 800 },
    "de",
    "de-DE",
    "Europe/Lisbon",
    "Max",
    "Gartenzimmer",
    24,
  ],
  [
    "small phone",
    { width: 360, height: 740 },
    "en",
    "en-GB",
    "Pacific/Honolulu",
    "Sam",
    "Seezimmer",
    17,
  ],
] as const)("on a %s", (device, viewport, language, locale, timezoneId, name, room, inDays) => {
  // The README's screenshots show the usual phone and desktop.
  const keepScreenshots = device !== "small phone";

  test("a member picks nights and a room, sees the price, and requests the stay", async () => {
    const say = texts[language];
    const member = await memberNamed(name);
    const page = await site.openPage({ viewport, locale, timezoneId });
    const offeringPath = `/venues/${home.id}/offerings/${offering.id}`;
    await page.goto(`${site.url}${offeringPath}`);

    // Without an account: a stay needs one; the login link leads back here.
    const loginBox = page.getByTestId("stay-login");
    await expect.poll(() => loginBox.textContent()).toContain(say.loginNeeded);
    await loginBox.getByRole("link", { name: say.logInToBook }).click();
    expect(new URL(page.url()).searchParams.get("next")).toBe(offeringPath);
    await page.getByLabel(say.email).fill(member.email);
    await page.getByLabel(say.password).fill(member.password);
    await page.getByRole("button", { name: say.logIn }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(offeringPath);
    await page.getByRole("button", { name: say.submit }).waitFor();

    // Check-in by a tap, check-out by the keyboard: three nights.
    const checkIn = venueDate(inDays);
    const checkOut = venueDate(inDays + 3);
    await (await showDay(page, checkIn, say.nextMonth)).click();
    await page.locator(`[data-date="${checkIn}"]`).focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-date"))).toBe(
      checkOut,
    );
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("stay-range").textContent()).toContain(say.nights);
    for (const chosen of [checkIn, venueDate(inDays + 1), checkOut]) {
      expect(
        await page
          .locator(`[data-day="${chosen}"]:not([data-outside])`)
          .getAttribute("aria-selected"),
      ).toBe("true");
    }
    // The house's day, whatever the device's zone: its number, and its name for readers.
    const checkInButton = page.locator(`[data-date="${checkIn}"]`);
    expect(await checkInButton.textContent()).toBe(String(Number(checkIn.slice(8))));
    expect(await checkInButton.getAttribute("aria-label")).toBe(
      `${longDate(checkIn, locale)}, ${say.checkInDay}`,
    );
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);

    await page.getByRole("checkbox", { name: new RegExp(room) }).check();
    await expect.poll(() => page.getByTestId("quote-total").textContent()).toBe(say.total);
    expect(await page.getByTestId("quote").textContent()).toContain(`${room}: 3 ×`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
    if (keepScreenshots) {
      await page.screenshot({ path: `${screenshots}book-stay-${device}.png`, fullPage: true });
    }

    // Four guests do not fit a room for two: the api's rule, said beside the rooms.
    await page.getByLabel(say.guests, { exact: true }).fill("4");
    await expect.poll(() => page.locator("#stay-rooms-error").textContent()).toBe(say.capacity);
    expect(await seriousViolations(page)).toEqual([]);
    if (keepScreenshots) {
      await page
        .locator("#stay-rooms")
        .screenshot({ path: `${screenshots}book-stay-rule-${device}.png` });
    }
    await page.getByLabel(say.guests, { exact: true }).fill("2");
    await expect.poll(() => page.getByTestId("quote-total").textContent()).toBe(say.total);
    expect(await page.locator("#stay-rooms-error").count()).toBe(0);

    // A double click sends one request (one idempotency key): one booking.
    await page.getByLabel(/Notes|Nachricht/).fill("We arrive by train.");
    await page.getByRole("button", { name: say.submit }).dblclick();
    const done = page.getByTestId("stay-done");
    await expect.poll(() => done.textContent()).toContain(say.pending);
    expect(await page.getByTestId("done-price").textContent()).toBe(say.total);
    expect(await done.textContent()).toContain(room);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
    if (keepScreenshots) {
      await page.screenshot({ path: `${screenshots}book-stay-done-${device}.png`, fullPage: true });
    }

    const mine = await call<{ items: BookingDto[] }>("GET", "/bookings", { token: member.token });
    expect(mine.items).toHaveLength(1);
    const [booking] = mine.items;
    expect(booking).toMatchObject({
      checkIn,
      checkOut,
      guests: 2,
      status: "pending",
      notes: "We arrive by train.",
      price: { amount: 25_500, currency: "EUR" },
    });

    // The owner confirms it; the member's booking says so.
    await call("POST", `/bookings/${booking?.id}/confirm`, { token: site.ownerToken });
    const after = await call<{ booking: BookingDto }>("GET", `/bookings/${booking?.id}`, {
      token: member.token,
    });
    expect(after.booking.status).toBe("confirmed");
    // … and so does the member's own page of it.
    await page.getByRole("link", { name: say.open }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/bookings/${booking?.id}`);
    await expect.poll(() => page.getByRole("main").textContent()).toContain(say.confirmed);
    await page.goto(`${site.url}${offeringPath}`);

    // The room is taken now: for those nights it is no longer offered.
    await (await showDay(page, checkIn, say.nextMonth)).click();
    await (await showDay(page, checkOut, say.nextMonth)).click();
    await expect.poll(() => page.getByRole("checkbox").count()).toBeGreaterThan(0);
    expect(await page.getByRole("checkbox", { name: new RegExp(room) }).count()).toBe(0);
  }, 90_000);
});

test("a room taken meanwhile is refused with a sentence beside the rooms, and leaves the list", async () => {
  const member = await memberNamed("Lea");
  // The house closes for two nights after this stay: the calendar says so.
  const closedNight = venueDate(44);
  await call("PATCH", `/venues/${home.id}`, {
    body: { closures: [{ from: closedNight, to: venueDate(45), reason: "Maintenance" }] },
    token: site.ownerToken,
  });
  const page = await site.openPage({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
  await page.goto(`${site.url}/login?next=/venues/${home.id}/offerings/${offering.id}`);
  await page.getByLabel("E-mail address").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Request this stay" }).waitFor();

  const checkIn = venueDate(40);
  const checkOut = venueDate(42);
  await (await showDay(page, checkIn, "Next month")).click();
  await (await showDay(page, checkOut, "Next month")).click();
  await page.getByRole("checkbox", { name: /Dachstube/ }).check();
  await expect.poll(() => page.getByTestId("quote-total").textContent()).toBe("€170.00");
  const closed = await showDay(page, closedNight, "Next month");
  await expect.poll(() => closed.getAttribute("aria-label")).toMatch(/, closed$/);
  expect(await closed.isDisabled()).toBe(true);

  // Someone else books the attic for these nights while the form is open.
  const { items: rooms } = await call<{ items: { id: string; name: string }[] }>(
    "GET",
    `/venues/${home.id}/resources`,
  );
  const attic = rooms.find((room) => room.name === "Dachstube");
  await call("POST", "/bookings", {
    body: { offeringId: offering.id, resourceIds: [attic?.id], checkIn, checkOut, guests: 1 },
    token: site.ownerToken,
  });

  await page.getByRole("button", { name: "Request this stay" }).click();
  await expect
    .poll(() => page.locator("#stay-rooms-error").textContent())
    .toBe(
      "Someone else has just booked Dachstube for these nights. Choose another room or other dates.",
    );
  await expect.poll(() => page.getByRole("checkbox", { name: /Dachstube/ }).count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  const mine = await call<{ items: BookingDto[] }>("GET", "/bookings", { token: member.token });
  expect(mine.items).toEqual([]);

  // Another room books fine (a new attempt, a new key).
  await page.getByRole("checkbox", { name: /Familienzimmer/ }).check();
  await page.getByRole("button", { name: "Request this stay" }).click();
  await expect
    .poll(() => page.getByTestId("stay-done").textContent())
    .toContain("Your request is pending — the owner will confirm it.");
}, 60_000);

test("a stay is booked with the keyboard alone", async () => {
  const member = await memberNamed("Kai");
  const page = await site.openPage({
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "Europe/Berlin",
  });
  await page.goto(`${site.url}/login?next=/venues/${home.id}/offerings/${offering.id}`);
  await page.getByLabel("E-mail address").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Request this stay" }).waitFor();
  await page.locator(".stay-calendar .night-free").first().waitFor();

  /** Presses Tab until the focused element passes the test (at most 40 times). */
  async function tabTo(test: string) {
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press("Tab");
      if (
        await page.evaluate(`Boolean(document.activeElement?.matches(${JSON.stringify(test)}))`)
      ) {
        return;
      }
    }
    throw new Error(`Tab never reached ${test}`);
  }

  // Asking without dates says what is missing and brings the keyboard to the calendar.
  await tabTo('button[type="submit"]');
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.locator("#stay-dates-error").textContent())
    .toBe("Pick the night you arrive and the day you leave.");
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-describedby")))
    .toBe("stay-dates-error");

  // One day of the calendar is in the tab order; the keys move from there.
  const start = await activeDate(page);
  if (!start) throw new Error("no day focused");
  await page.keyboard.press("PageDown");
  const nextMonth = await activeDate(page);
  expect(nextMonth?.slice(0, 7)).not.toBe(start.slice(0, 7));
  // Home and End go to the week's Monday and Sunday.
  await page.keyboard.press("End");
  expect(new Date(`${await activeDate(page)}T00:00:00Z`).getUTCDay()).toBe(0);
  await page.keyboard.press("Home");
  expect(new Date(`${await activeDate(page)}T00:00:00Z`).getUTCDay()).toBe(1);

  // Down a week and right a day at a time to the check-in, then two nights.
  const checkIn = venueDate(52);
  for (let presses = 0; presses < 80; presses++) {
    const at = (await activeDate(page)) ?? "";
    if (at === checkIn) break;
    const daysLeft = (Date.parse(checkIn) - Date.parse(at)) / 86_400_000;
    await page.keyboard.press(
      daysLeft >= 7 ? "ArrowDown" : daysLeft > 0 ? "ArrowRight" : "ArrowLeft",
    );
  }
  expect(await activeDate(page)).toBe(checkIn);
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.locator(".stay-instruction").textContent())
    .toContain("Now pick the day you leave.");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  await expect.poll(() => page.getByTestId("stay-range").textContent()).toContain("2 nights");

  await tabTo('input[type="checkbox"]');
  await page.keyboard.press("Space");
  await expect.poll(() => page.getByTestId("quote-total").textContent()).toMatch(/^€/);
  expect(await seriousViolations(page)).toEqual([]);
  await tabTo('button[type="submit"]');
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.getByTestId("stay-done").textContent())
    .toContain("Your request is pending — the owner will confirm it.");

  const mine = await call<{ items: BookingDto[] }>("GET", "/bookings", { token: member.token });
  expect(mine.items).toMatchObject([{ checkIn, checkOut: venueDate(54), guests: 2 }]);
}, 60_000);
