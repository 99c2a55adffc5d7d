import type { BookingDto, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import type { BrowserContextOptions, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { demoOffering, demoVenue } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { goToAdminSection, ownerPage } from "./harness/owner-page.ts";
import { heading } from "./harness/pages.ts";

// The owner keeps the catalog in the browser: the demo workshop's hours and closures, and a
// new place with a resource and an offering that asks two questions, which a guest then
// books on the public page. Every change is checked through the api and the public page.
const site = useDemoSite({
  owner: { email: "owner@catalog.example", password: "owner-password-42" },
  // Many reads in little time, as one client; the limit has tests of its own.
  env: { RATE_LIMIT_PER_MINUTE: "0" },
});
const screenshots = site.screenshots;
const weekdayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

let workshopId: string;
let tyreChange: OfferingDto;

/** Every call here is the owner's. */
const call = <T>(method: string, path: string, body?: unknown) =>
  site.call<T>(method, path, { body, token: site.ownerToken });

const venue = async (id: string) => (await call<{ venue: VenueDto }>("GET", `/venues/${id}`)).venue;
const slotsOn = async (offeringId: string, date: string) =>
  (await call<{ slots: unknown[] }>("GET", `/offerings/${offeringId}/slots?date=${date}`)).slots
    .length;

beforeAll(async () => {
  const workshop = await demoVenue(site, "Kfz-Werkstatt Krüger");
  workshopId = workshop.id;
  tyreChange = await demoOffering(site, workshop, "Reifenwechsel");
});

const openPage = (options: BrowserContextOptions) =>
  site.openPage(options, { defaultTimeout: 10_000 });

const dayGroup = (page: Page, date: string) =>
  page.getByRole("group", { name: weekdayNames[weekdayOf(date)], exact: true });
const today = () => new Date().toLocaleDateString("sv", { timeZone: "Europe/Berlin" });
const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The error sentence shown below a field or group. */
const errorIn = (scope: Locator) => scope.locator(".field-error").first().textContent();

/**
 * The public page's button for a date: in a list of days (`data-date`) or in a month grid
 * (`data-day`), turning months until the date shows.
 */
async function publicDay(page: Page, date: string): Promise<Locator> {
  const days = page.locator(".day-button, [data-day] button");
  await days.first().waitFor();
  const day = page.locator(`.day-button[data-date="${date}"], [data-day="${date}"] button`);
  for (let turns = 0; (await day.count()) === 0 && turns < 3; turns++) {
    await page.getByRole("button", { name: "Next month" }).first().click();
  }
  return day.first();
}

/** How many times the public page lists on a date (a fresh load: nothing cached). */
async function publicSlots(page: Page, offering: OfferingDto, date: string): Promise<number> {
  await page.goto(`${site.url}/venues/${offering.venueId}/offerings/${offering.id}`);
  const day = await publicDay(page, date);
  // Days wait disabled until the free ones are known; only then does "disabled" mean closed.
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  if (await day.isDisabled()) return 0;
  await showTimesOf(page, day);
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  return page.locator(".slot-button").count();
}

/** Picks a day with free times; a click while the calendar redraws may be lost, so again. */
async function showTimesOf(page: Page, day: Locator) {
  await expect
    .poll(async () => {
      await day.click();
      return page.locator(".slot-button").count();
    })
    .toBeGreaterThan(0);
}

describe.each([
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 800 }],
] as const)("on a %s", (device, viewport) => {
  test("the owner changes the workshop's hours and closes a day; the public times follow", {
    timeout: 120_000,
  }, async () => {
    // Two days some way ahead with free times: one to close, one (another weekday, still
    // open 08:00–17:00) to open shorter. The other device's run changed other days.
    const before = await venue(workshopId);
    const candidates: string[] = [];
    for (let ahead = 2; ahead < 21; ahead++) {
      const date = addDays(today(), ahead);
      if ((await slotsOn(tyreChange.id, date)) > 0) candidates.push(date);
    }
    const closedDay = candidates[0] ?? "";
    const shorterDay =
      candidates.find(
        (date) =>
          weekdayOf(date) !== weekdayOf(closedDay) &&
          JSON.stringify(before.openingHours[weekdayKeys[weekdayOf(date)] ?? "sun"]) ===
            JSON.stringify([["08:00", "17:00"]]),
      ) ?? "";
    expect(closedDay).not.toBe("");
    expect(shorterDay).not.toBe("");

    const visitor = await openPage({ viewport, locale: "en-GB", timezoneId: "Europe/Berlin" });
    const slotsBefore = await publicSlots(visitor, tyreChange, shorterDay);
    expect(slotsBefore).toBe(await slotsOn(tyreChange.id, shorterDay));
    expect(await publicSlots(visitor, tyreChange, closedDay)).toBeGreaterThan(0);

    const page = await ownerPage(site, { viewport, timezoneId: "Europe/Berlin" });
    // From the main menu to the admin's desk, and there to the catalog.
    await goToAdminSection(page, "Venues & offers");
    await expect.poll(() => heading(page)).toBe("Venues & offers");
    await page.getByRole("link", { name: "Kfz-Werkstatt Krüger" }).click();
    await expect.poll(() => heading(page)).toBe("Kfz-Werkstatt Krüger");
    await page.getByRole("button", { name: "Save the place" }).waitFor();

    // An interval that ends before it starts: the form names it at the day and sends nothing.
    const saturday = page.getByRole("group", { name: "Saturday", exact: true });
    await saturday.getByLabel("Closes").fill("08:00");
    await page.getByRole("button", { name: "Save the place" }).click();
    await expect
      .poll(() => errorIn(saturday))
      .toBe("The closing time must come after the opening time.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).toBe(
      "true",
    );
    await saturday.getByLabel("Closes").fill("13:00");

    // Overlapping hours are the api's to judge: its refusal lands at the day, in words.
    const sunday = page.getByRole("group", { name: "Sunday", exact: true });
    await sunday.getByRole("button", { name: "Add hours (Sunday)" }).click();
    await sunday.getByRole("button", { name: "Add hours (Sunday)" }).click();
    await sunday.getByLabel("Opens").nth(1).fill("12:00");
    await page.getByRole("button", { name: "Save the place" }).click();
    await expect
      .poll(() => errorIn(sunday))
      .toBe("These hours overlap; please keep the intervals apart.");
    expect(await page.getByRole("alert").first().textContent()).toBe(
      "Please correct the marked fields.",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-catalog-hours-refused-${device}.png`,
      fullPage: true,
    });
    expect(await venue(workshopId)).toEqual(before);
    await sunday.getByRole("button", { name: /^Remove Sunday 12:00/ }).click();
    await sunday.getByRole("button", { name: /^Remove Sunday 09:00/ }).click();

    // Shorter hours on one weekday, and a closure of one day.
    const shorter = dayGroup(page, shorterDay);
    await shorter.getByLabel("Closes").fill("12:00");
    await page.getByRole("button", { name: "Add a closure" }).click();
    const closure = page.getByTestId("closure").last();
    await closure.getByLabel("First day").fill(closedDay);
    await closure.getByLabel("Last day").fill(closedDay);
    await closure.getByLabel("Reason (optional)").fill("Inventur");
    await page.getByRole("button", { name: "Save the place" }).click();
    await expect.poll(() => page.getByText("Saved.", { exact: true }).count()).toBe(1);
    expect(await page.locator(".field-error").count()).toBe(0);

    const after = await venue(workshopId);
    const shorterKey = weekdayKeys[weekdayOf(shorterDay)] ?? "sun";
    expect(after.openingHours[shorterKey]).toEqual([["08:00", "12:00"]]);
    expect(after.openingHours.sun).toEqual([]);
    expect(after.openingHours.sat).toEqual(before.openingHours.sat);
    expect(after.closures).toEqual([
      ...before.closures,
      { from: closedDay, to: closedDay, reason: "Inventur" },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-catalog-venue-${device}.png`,
      fullPage: true,
    });

    // The public page: the closed day offers nothing, the shorter day fewer times.
    expect(await publicSlots(visitor, tyreChange, closedDay)).toBe(0);
    const slotsAfter = await publicSlots(visitor, tyreChange, shorterDay);
    expect(slotsAfter).toBeGreaterThan(0);
    expect(slotsAfter).toBeLessThan(slotsBefore);
    expect(slotsAfter).toBe(await slotsOn(tyreChange.id, shorterDay));
    // 30 minutes with 15 before and after, every 15 minutes: 08:15 to 11:15 at most.
    expect(slotsAfter).toBeLessThanOrEqual(13);
    await visitor.context().close();
    await page.context().close();
  });

  test("the owner creates a place, a resource and an offering with questions; a guest books it", {
    timeout: 120_000,
  }, async () => {
    const name = `Töpferei am Hafen (${device})`;
    const page = await ownerPage(site, { viewport, timezoneId: "Europe/Berlin" });
    await page.goto(`${site.url}/admin/catalog`);
    await page.getByRole("link", { name: "New place" }).click();
    await expect.poll(() => heading(page)).toBe("New place");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Time zone").selectOption("Europe/Berlin");
    expect(await page.getByLabel("Currency").inputValue()).toBe("EUR");
    await page.getByLabel("Street and number").fill("Hafenstraße 3");
    await page.getByLabel("Postal code").fill("24103");
    await page.getByLabel("City").fill("Kiel");
    await page.getByLabel("Country code (e.g. DE)").fill("DE");
    await page.getByLabel("Latitude").fill("54.3233");
    await page.getByLabel("Longitude").fill("10,1394");
    // Open every day, so that there are times to book whenever this runs.
    for (const day of ["Saturday", "Sunday"]) {
      await page.getByRole("button", { name: `Add hours (${day})` }).click();
    }
    // What each rule means is said next to it, as the public page will say it.
    await page.getByLabel("Notice before the start (minutes)").fill("30");
    await expect
      .poll(() => page.getByText("Book at least 30 minutes before the start.").count())
      .toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-catalog-new-venue-${device}.png`,
      fullPage: true,
    });
    await page.getByRole("button", { name: "Create the place" }).click();
    await expect.poll(() => heading(page)).toBe(name);
    const venueId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const created = await venue(venueId);
    expect(created).toMatchObject({
      name,
      timeZone: "Europe/Berlin",
      currency: "EUR",
      address: { street: "Hafenstraße 3", postalCode: "24103", city: "Kiel", country: "DE" },
      location: { lat: 54.3233, lng: 10.1394 },
      closures: [],
      policies: { minNoticeMinutes: 30, approvalRequired: false },
    });
    expect(created.openingHours.sun).toEqual([["09:00", "17:00"]]);

    // Two resources: one renamed and given room for more, the other retired.
    const addForm = page.getByRole("form", { name: "Add a resource" });
    for (const resourceName of ["Drehscheibe 1", "Brennofen"]) {
      await addForm.getByLabel("Name").fill(resourceName);
      await addForm.getByLabel("Kind (e.g. room, bay)").fill("wheel");
      await addForm.getByRole("button", { name: "Add the resource" }).click();
      await expect
        .poll(() => addForm.getByRole("status").textContent())
        .toBe(`${resourceName} was added.`);
    }
    const wheel = page.getByRole("form", { name: "Drehscheibe 1" });
    await wheel.getByLabel("Name").fill("Drehscheibe A");
    await wheel.getByLabel("Capacity (people)").fill("0");
    await wheel.getByRole("button", { name: "Save Drehscheibe 1" }).click();
    await expect.poll(() => errorIn(wheel)).toBe("Please enter at least 1.");
    await wheel.getByLabel("Capacity (people)").fill("2");
    await wheel.getByRole("button", { name: "Save Drehscheibe 1" }).click();
    await expect.poll(() => page.getByText("Drehscheibe A was saved.").count()).toBe(1);
    await page.getByRole("button", { name: "Retire Brennofen" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "Use again Brennofen" }).count())
      .toBe(1);
    const resources = (await call<{ items: ResourceDto[] }>("GET", `/venues/${venueId}/resources`))
      .items;
    expect(
      resources.map(({ name, kind, capacity, active }) => ({ name, kind, capacity, active })),
    ).toEqual([
      { name: "Drehscheibe A", kind: "wheel", capacity: 2, active: true },
      { name: "Brennofen", kind: "wheel", capacity: 1, active: false },
    ]);

    // The offering: a negative price and a step that does not divide a day are refused,
    // the first by the form, the second by the api; each is named at its field.
    await page.getByRole("link", { name: "New offering" }).click();
    await expect.poll(() => heading(page)).toBe(`New offering at ${name}`);
    await page.getByLabel("Name", { exact: true }).fill("Töpferkurs");
    await page.getByLabel("Price per appointment (EUR)").fill("-5");
    await page.getByLabel("Duration (minutes)").fill("60");
    await page.getByLabel("A start every (minutes)").fill("7");
    await page.getByLabel(/^Drehscheibe A/).check();
    expect(await page.getByLabel(/^Brennofen/).count()).toBe(0);
    for (let question = 0; question < 3; question++) {
      await page.getByRole("button", { name: "Add a question" }).click();
    }
    const first = page.getByRole("group", { name: "Question 1" });
    await first.getByLabel("Question", { exact: true }).fill("Erfahrung mit Ton");
    await first.getByLabel("An answer is required").check();
    const second = page.getByRole("group", { name: "Question 2" });
    await second.getByLabel("Question", { exact: true }).fill("Glasur");
    await second.getByLabel("Answer", { exact: true }).selectOption("select");
    const third = page.getByRole("group", { name: "Question 3" });
    await third.getByLabel("Question", { exact: true }).fill("Anzahl Stücke");
    await third.getByLabel("Answer", { exact: true }).selectOption("number");
    await third.getByLabel("Smallest answer (optional)").fill("1");
    await third.getByLabel("Largest answer (optional)").fill("10");
    await page.getByRole("button", { name: "Create the offering" }).click();
    const price = page.locator(".field", { has: page.getByLabel("Price per appointment (EUR)") });
    await expect.poll(() => errorIn(price)).toBe("A price cannot be negative.");
    expect(await errorIn(second)).toBe("A choice needs at least one option, one per line.");
    await second.getByLabel("Choices").fill("Blau\nGrün\n");
    await page.getByLabel("Price per appointment (EUR)").fill("89.50");
    await page.getByRole("button", { name: "Create the offering" }).click();
    const step = page.locator(".field", { has: page.getByLabel("A start every (minutes)") });
    await expect
      .poll(() => errorIn(step))
      .toBe("This must divide a day, e.g. 5, 10, 15, 30 or 60.");
    expect(await page.locator(".field-error").count()).toBe(1);
    expect(
      (await call<{ items: OfferingDto[] }>("GET", `/venues/${venueId}/offerings`)).items,
    ).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-catalog-offering-${device}.png`,
      fullPage: true,
    });
    await page.getByLabel("A start every (minutes)").fill("30");
    await page.getByRole("button", { name: "Create the offering" }).click();
    await expect.poll(() => heading(page)).toBe("Töpferkurs");

    const { items: offerings } = await call<{ items: OfferingDto[] }>(
      "GET",
      `/venues/${venueId}/offerings`,
    );
    expect(offerings).toHaveLength(1);
    const course = offerings[0] as OfferingDto;
    expect(course).toMatchObject({
      name: "Töpferkurs",
      mode: "slot",
      price: { amount: 8950, currency: "EUR" },
      resourceIds: [resources[0]?.id],
      slot: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, stepMinutes: 30 },
      questions: [
        { key: "erfahrungMitTon", label: "Erfahrung mit Ton", type: "text", required: true },
        {
          key: "glasur",
          label: "Glasur",
          type: "select",
          required: false,
          options: ["Blau", "Grün"],
        },
        {
          key: "anzahlStucke",
          label: "Anzahl Stücke",
          type: "number",
          required: false,
          min: 1,
          max: 10,
        },
      ],
    });
    // The saved offering reads back as typed: the price in major units.
    expect(await page.getByLabel("Price per appointment (EUR)").inputValue()).toBe("89.50");

    // A guest books it on the public page, answering both questions.
    const guest = await openPage({ viewport, locale: "en-GB", timezoneId: "Europe/Berlin" });
    await guest.goto(`${site.url}/venues/${venueId}/offerings/${course.id}`);
    await expect.poll(() => heading(guest)).toBe("Töpferkurs");
    await guest.getByLabel("Your name").fill("Gina Guest");
    await guest.getByLabel("E-mail address").fill("gina@guest.example");
    await guest.getByLabel("Phone").fill("+49 431 123456");
    // The first day with free times (the minimum notice may leave none today).
    const { slots } = await call<{ slots: { start: string }[] }>(
      "GET",
      `/offerings/${course.id}/availability?from=${today()}&to=${addDays(today(), 7)}`,
    );
    const firstFree = new Date(slots[0]?.start ?? "").toLocaleDateString("sv", {
      timeZone: "Europe/Berlin",
    });
    await showTimesOf(guest, await publicDay(guest, firstFree));
    await guest.locator(".slot-button").first().click();
    await expect.poll(() => guest.getByRole("timer").count()).toBe(1);
    await guest.getByLabel(/^Erfahrung mit Ton/).fill("Zwei Kurse");
    await guest.getByLabel(/^Glasur/).selectOption("Grün");
    // The bounds of a number question are the api's to enforce: its sentence at the field.
    await guest.getByLabel(/^Anzahl Stücke/).fill("12");
    await guest.getByRole("button", { name: "Book for €89.50" }).click();
    await expect
      .poll(() => errorIn(guest.locator(".field", { has: guest.getByLabel(/^Anzahl Stücke/) })))
      .toContain("must be at most 10");
    await guest.getByLabel(/^Anzahl Stücke/).fill("3");
    await guest.getByRole("button", { name: "Book for €89.50" }).click();
    await expect.poll(() => guest.getByRole("heading", { name: "Booked" }).count()).toBe(1);
    await guest.context().close();

    const { items: bookings } = await call<{ items: BookingDto[] }>(
      "GET",
      `/bookings?venueId=${venueId}`,
    );
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({
      offeringId: course.id,
      status: "confirmed",
      price: { amount: 8950, currency: "EUR" },
      answers: { erfahrungMitTon: "Zwei Kurse", glasur: "Grün", anzahlStucke: 3 },
    });

    // Back on the place's page, the offering is listed with its price.
    await page.getByRole("link", { name }).click();
    await expect.poll(() => heading(page)).toBe(name);
    await expect
      .poll(() => page.getByRole("list", { name: "Offerings" }).textContent())
      .toContain("Töpferkurs");
    expect(await page.getByRole("list", { name: "Offerings" }).textContent()).toContain("€89.50");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-catalog-resources-${device}.png`,
      fullPage: true,
    });
    await page.getByRole("link", { name: "Venues & offers", exact: true }).first().click();
    await expect.poll(() => heading(page)).toBe("Venues & offers");
    await expect.poll(() => page.getByRole("link", { name }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-catalog-list-${device}.png`,
      fullPage: true,
    });
    await page.context().close();
  });
});
