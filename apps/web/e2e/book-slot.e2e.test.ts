import { readFile } from "node:fs/promises";
import type { OfferingDto, VenueDto } from "@booking/contracts";
import type { BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { demoOffering, demoVenue } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { createEveryDayVenue } from "./harness/venues.ts";

// Booking an appointment at the demo's car workshop (three services, each asking for the
// car's make, model and plate; no approval), as a guest and as a member, and a hold that
// runs out at a venue made here with a one-minute hold.
const site = useDemoSite({
  owner: { email: "owner@workshop.example", password: "owner-password-42" },
});
const { call, screenshots } = site;
const member = { email: "mia@member.example", password: "member-password-42", name: "Mia Member" };

let workshop: VenueDto;
let tyreChange: OfferingDto;

beforeAll(async () => {
  workshop = await demoVenue(site, "Kfz-Werkstatt Krüger");
  tyreChange = await demoOffering(site, workshop, "Reifenwechsel");
});

/** Downloads (the calendar file) are saved, to be read back. */
const openPage = (options: BrowserContextOptions) =>
  site.openPage({ ...options, acceptDownloads: true }, { defaultTimeout: 10_000 });

const offeringUrl = (venueId: string, offeringId: string) =>
  `${site.url}/venues/${venueId}/offerings/${offeringId}`;

async function fillGuest(page: Page) {
  await page.getByLabel("Your name").fill("Gina Guest");
  await page.getByLabel("E-mail address").fill("gina@guest.example");
  await page.getByLabel("Phone").fill("+49 431 123456");
}

/** The calendar's days that have free times. */
const freeDays = (page: Page) => page.locator(".day-picker .day-free button:not([disabled])");

/** The page scrolls only down: nothing sticks out sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Picks the first day with free times and its first time; returns the time's text. */
async function pickFirstFreeSlot(page: Page): Promise<string> {
  await freeDays(page).first().click();
  const slot = page.locator(".slot-button").first();
  await slot.waitFor();
  const time = (await slot.textContent()) ?? "";
  await slot.click();
  return time;
}

async function downloadedCalendar(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Add to calendar (.ics)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^booking-[0-9a-f-]{36}\.ics$/);
  return readFile(await download.path(), "utf8");
}

// The smallest phone is set to Kiritimati, fourteen hours ahead of UTC: the workshop's
// days must still be the workshop's days.
describe.each([
  ["phone", { width: 390, height: 844 }, "Europe/Lisbon"],
  ["desktop", { width: 1280, height: 800 }, "Europe/Berlin"],
  ["small phone", { width: 360, height: 740 }, "Pacific/Kiritimati"],
] as const)("on a %s", (device, viewport, timezoneId) => {
  // The README's screenshots show the usual phone and desktop.
  const keepScreenshots = device !== "small phone";

  test("a guest picks a day and a time, answers the questions and books", async () => {
    const page = await openPage({ viewport, locale: "en-GB", timezoneId });
    await page.goto(offeringUrl(workshop.id, tyreChange.id));
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Reifenwechsel");
    expect(await page.getByTestId("time-zone-note").textContent()).toBe(
      timezoneId === "Europe/Berlin"
        ? "All times are local to this place (Europe/Berlin)."
        : `All times are local to this place (Europe/Berlin); your device is set to ${timezoneId}.`,
    );

    // The workshop's today, whatever the device's zone: the days before it are past.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(
      new Date(),
    );
    await freeDays(page).first().waitFor();
    expect(await page.locator(".day-picker .rdp-today").getAttribute("data-day")).toBe(today);
    for (const date of await freeDays(page).evaluateAll((days) =>
      days.map((day) => day.getAttribute("data-date") ?? ""),
    )) {
      expect(date >= today).toBe(true);
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);

    // Without a contact no time can be kept: the page says so and goes to the name.
    await freeDays(page).first().click();
    await page.locator(".slot-button").first().click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toBe("Please fill in your contact first; then pick the time again.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(
      "guest.name",
    );

    await fillGuest(page);
    const time = await pickFirstFreeSlot(page);
    const hold = page.getByTestId("hold");
    await expect
      .poll(() => hold.getByRole("heading").textContent())
      .toContain(`We keep ${time} on`);
    await expect
      .poll(() => page.getByRole("timer").textContent())
      .toMatch(/^Time left to book: (09:[0-5]\d|10:00)$/);
    expect(await page.locator(".slot-button[aria-pressed=true]").textContent()).toBe(time);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
    if (keepScreenshots) {
      await page.screenshot({ path: `${screenshots}book-slot-${device}.png`, fullPage: true });
    }

    // A missing required answer is named at its field before anything is sent.
    await page.getByLabel("Marke").fill("VW");
    await page.getByLabel("Modell").fill("Golf");
    await page.getByRole("button", { name: "Book for €49.00" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Please check the marked entries.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(
      "answers.plate",
    );
    expect(await page.locator(".field-error").allTextContents()).toEqual([
      "Please fill in this field.",
    ]);
    await page.getByLabel("Kennzeichen").fill("KI-AB 123");
    await page.getByLabel("Notes (optional)").fill("Winter tyres are in the boot.");
    await page.getByRole("button", { name: "Book for €49.00" }).click();

    await expect.poll(() => page.getByRole("heading", { name: "Booked" }).count()).toBe(1);
    const facts = (await page.getByTestId("booking-facts").textContent()) ?? "";
    expect(facts).toContain("Reifenwechsel, Kfz-Werkstatt Krüger");
    expect(facts).toContain(`${time}–`);
    expect(facts).toContain("(Europe/Berlin)");
    expect(facts).toContain("€49.00");
    expect(facts).toContain("Confirmed");
    const manage = page.getByTestId("manage-link");
    const manageUrl = await manage.getByRole("link").getAttribute("href");
    expect(manageUrl).toMatch(new RegExp(`^${site.url}/manage/.+`));
    expect(await manage.textContent()).toContain("It is your only key to this booking");

    const calendar = await downloadedCalendar(page);
    expect(calendar).toContain("BEGIN:VEVENT");
    expect(calendar).toContain("STATUS:CONFIRMED");
    expect(calendar).toContain("TZID=Europe/Berlin");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
    if (keepScreenshots) {
      await page.screenshot({ path: `${screenshots}book-slot-done-${device}.png`, fullPage: true });
    }

    // The manage token opens exactly this booking, with the answers given.
    const token = decodeURIComponent(new URL(manageUrl ?? "").pathname.split("/").pop() ?? "");
    const response = await fetch(`${site.url}/api/v1/bookings/${await bookingIdIn(calendar)}`, {
      headers: { "X-Booking-Token": token },
    });
    const { booking } = (await response.json()) as {
      booking: { status: string; answers: unknown; notes: string; bookedBy: unknown };
    };
    expect(booking.status).toBe("confirmed");
    expect(booking.answers).toEqual({ make: "VW", model: "Golf", plate: "KI-AB 123" });
    expect(booking.notes).toBe("Winter tyres are in the boot.");
    expect(booking.bookedBy).toEqual({
      guest: {
        name: "Gina Guest",
        email: "gina@guest.example",
        phone: "+49 431 123456",
        language: "en",
      },
    });

    // The link alone opens the booking, in a browser that has nothing else.
    const other = await openPage({ viewport, locale: "en-GB", timezoneId });
    await other.goto(manageUrl ?? "");
    await expect
      .poll(() => other.getByRole("heading", { level: 1 }).textContent())
      .toContain("Reifenwechsel");
    await other.context().close();
  }, 60_000);
});

async function bookingIdIn(calendar: string): Promise<string> {
  const uid = /^UID:(.+)$/m.exec(calendar)?.[1]?.trim();
  if (!uid) throw new Error(`no UID in ${calendar}`);
  return uid;
}

test("a member books as themselves, in German", async () => {
  await call("POST", "/auth/register", { body: member });
  const pending = await call<{ items: { id: string; email: string }[] }>(
    "GET",
    "/users?status=pending",
    { token: site.ownerToken },
  );
  const registered = pending.items.find((user) => user.email === member.email);
  if (!registered) throw new Error("the member did not register");
  await call("POST", `/users/${registered.id}/approve`, { token: site.ownerToken });

  const page = await openPage({
    viewport: { width: 390, height: 844 },
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
  });
  await page.goto(`${site.url}/login`);
  await page.getByLabel("E-Mail-Adresse").fill(member.email);
  await page.getByLabel("Passwort").fill(member.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("button", { name: "Abmelden" }).waitFor();

  await page.goto(offeringUrl(workshop.id, tyreChange.id));
  await expect
    .poll(() => page.getByTestId("booking-as").textContent())
    .toBe("Du buchst als Mia Member.");
  expect(await page.getByLabel("Dein Name").count()).toBe(0);
  await pickFirstFreeSlot(page);
  await expect.poll(() => page.getByRole("timer").count()).toBe(1);
  // Another time instead: the first hold is given back, the new one kept.
  // The day's last time, far from the held one (the list is redrawn after a hold, and the
  // times next to the held one may leave it); clicked by its time, not its place.
  const time = ((await page.locator(".slot-button").last().textContent()) ?? "").trim();
  await page
    .locator(".slot-button", { hasText: new RegExp(`^\\s*${time}\\s*$`) })
    .first()
    .click();
  await expect
    .poll(() => page.getByTestId("hold").getByRole("heading").textContent())
    .toContain(`Wir halten ${time} am`);
  await page.getByLabel("Marke").fill("Opel");
  await page.getByLabel("Modell").fill("Corsa");
  await page.getByLabel("Kennzeichen").fill("KI-CD 456");
  await page.getByRole("button", { name: /^Für .*49,00.* buchen$/ }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Gebucht" }).count()).toBe(1);
  const facts = (await page.getByTestId("booking-facts").textContent()) ?? "";
  expect(facts).toContain(`${time}–`);
  expect(facts).toContain("Bestätigt");
  expect(await page.getByTestId("manage-link").count()).toBe(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Zum Kalender hinzufügen (.ics)" }).click(),
  ]);
  expect(await readFile(await download.path(), "utf8")).toContain("BEGIN:VEVENT");

  const memberToken = (
    await call<{ token: string }>("POST", "/auth/login", {
      body: {
        email: member.email,
        password: member.password,
      },
    })
  ).token;
  const mine = () =>
    call<{ items: { status: string; bookedBy: unknown }[] }>("GET", "/bookings", {
      token: memberToken,
    });
  await expect
    .poll(async () => (await mine()).items.map((booking) => booking.status))
    .toEqual(["cancelled", "confirmed"]);
  expect((await mine()).items[1]?.bookedBy).toEqual({ userId: registered.id });
});

test("a hold that runs out says so and offers the times free now", {
  timeout: 150_000,
}, async () => {
  const venue = await createEveryDayVenue(site, {
    name: "Schnellwerkstatt",
    hours: ["06:00", "22:00"],
    holdTtlMinutes: 1,
  });
  const { resource } = await call<{ resource: { id: string } }>(
    "POST",
    `/venues/${venue.id}/resources`,
    { body: { name: "Bühne", kind: "bay", capacity: 1 }, token: site.ownerToken },
  );
  const { offering } = await call<{ offering: OfferingDto }>(
    "POST",
    `/venues/${venue.id}/offerings`,
    {
      body: {
        name: "Ölwechsel",
        mode: "slot",
        resourceIds: [resource.id],
        price: { amount: 3900, currency: "EUR" },
        slot: { durationMinutes: 30, stepMinutes: 30 },
        questions: [
          { key: "mileage", label: "Kilometerstand", type: "number", required: false },
          { key: "oil", label: "Öl", type: "select", required: true, options: ["5W-30", "0W-20"] },
        ],
      },
      token: site.ownerToken,
    },
  );

  const page = await openPage({
    viewport: { width: 390, height: 844 },
    locale: "en-GB",
    timezoneId: "Europe/Berlin",
  });
  await page.goto(offeringUrl(venue.id, offering.id));
  await fillGuest(page);

  // Someone else takes the second time while the page still shows it free.
  await freeDays(page).first().click();
  await page.locator(".slot-button").nth(1).waitFor();
  const date = await page.locator(".day-picker .rdp-selected").getAttribute("data-day");
  const { slots } = await call<{ slots: { start: string }[] }>(
    "GET",
    `/offerings/${offering.id}/slots?date=${date}`,
  );
  await call("POST", "/holds", {
    body: {
      offeringId: offering.id,
      start: slots[1]?.start,
      guests: 1,
      guest: { name: "Quick Quentin", email: "q@guest.example", phone: "0431 99" },
    },
  });
  await page.locator(".slot-button").nth(1).click();
  await expect
    .poll(() => page.getByRole("alert").first().textContent())
    .toBe("Someone has just taken this time. Please pick another one.");

  const time = await pickFirstFreeSlot(page);
  await expect
    .poll(() => page.getByRole("timer").textContent())
    .toMatch(/^Time left to book: 0[01]:\d\d$/);
  // The typed fields: a number and a select.
  await page.getByLabel("Kilometerstand").fill("many");
  await page.getByRole("button", { name: "Book for €39.00" }).click();
  expect(await page.locator(".field-error").allTextContents()).toEqual([
    "Please enter a number.",
    "Please fill in this field.",
  ]);
  await page.getByLabel("Kilometerstand").fill("48200");
  await page.getByLabel("Öl").selectOption("0W-20");

  await expect
    .poll(() => page.getByRole("alert").first().textContent(), { timeout: 80_000, interval: 1000 })
    .toBe(
      "Your hold ran out, so the time is free again for others. Here are the times that are free now: pick one again.",
    );
  expect(await page.getByRole("timer").count()).toBe(0);
  await expect.poll(() => page.locator(".slot-button").count()).toBeGreaterThan(0);
  expect(await page.locator(".slot-button[aria-pressed=true]").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${screenshots}book-slot-expired-phone.png`, fullPage: true });

  // Taking a time again works, and the answers given before are kept.
  await page.locator(".slot-button").first().click();
  await expect.poll(() => page.getByRole("timer").count()).toBe(1);
  expect(await page.getByLabel("Kilometerstand").inputValue()).toBe("48200");
  await page.getByRole("button", { name: "Book for €39.00" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Booked" }).count()).toBe(1);
  expect(time).toMatch(/^\d\d:\d\d$/);
});

test("a party books a place that holds it, chosen by name", async () => {
  const venue = await createEveryDayVenue(site, {
    name: "Tonstudio Kiel",
    hours: ["08:00", "20:00"],
    holdTtlMinutes: 10,
  });
  const room = async (name: string, capacity: number) =>
    (
      await call<{ resource: { id: string } }>("POST", `/venues/${venue.id}/resources`, {
        body: { name, kind: "room", capacity },
        token: site.ownerToken,
      })
    ).resource.id;
  const booth = await room("Kabine", 2);
  const hall = await room("Saal", 6);
  const { offering } = await call<{ offering: OfferingDto }>(
    "POST",
    `/venues/${venue.id}/offerings`,
    {
      body: {
        name: "Probe",
        mode: "slot",
        resourceIds: [booth, hall],
        price: { amount: 2500, currency: "EUR" },
        slot: { durationMinutes: 60, stepMinutes: 60 },
      },
      token: site.ownerToken,
    },
  );

  const page = await openPage({
    viewport: { width: 390, height: 844 },
    locale: "en-GB",
    timezoneId: "Europe/Berlin",
  });
  await page.goto(offeringUrl(venue.id, offering.id));
  await fillGuest(page);
  const party = page.getByLabel("Number of people");
  const place = page.getByLabel("Place", { exact: true });
  await expect.poll(() => party.locator("option").count()).toBe(6);
  expect(await place.locator("option").allTextContents()).toEqual([
    "Any free place",
    "Kabine",
    "Saal",
  ]);
  // Three do not fit the booth: it is not offered.
  await party.selectOption("3");
  await expect
    .poll(() => place.locator("option").allTextContents())
    .toEqual(["Any free place", "Saal"]);
  await party.selectOption("2");
  await place.selectOption({ label: "Kabine" });
  expect(await seriousViolations(page)).toEqual([]);

  await pickFirstFreeSlot(page);
  await expect.poll(() => page.getByRole("timer").count()).toBe(1);
  await page.getByRole("button", { name: "Book for €25.00" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Booked" }).count()).toBe(1);

  const { items } = await call<{ items: { guests: number; resourceIds: string[] }[] }>(
    "GET",
    `/bookings?venueId=${venue.id}`,
    { token: site.ownerToken },
  );
  expect(items).toMatchObject([{ guests: 2, resourceIds: [booth] }]);
}, 60_000);
