import type { VenueDto } from "@booking/contracts";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { demoVenue } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { heading } from "./harness/pages.ts";

// The demo data: a holiday home in Plön (24306) and a car workshop in Kiel (24103).
const site = useDemoSite({ owner: null });
const screenshots = site.screenshots;
// Kiel, a kilometre from the demo's car workshop and 25 km from its holiday home.
const kiel = { latitude: 54.33, longitude: 10.14 };

let workshop: VenueDto;

beforeAll(async () => {
  workshop = await demoVenue(site, "Kfz-Werkstatt Krüger");
});

/** The JavaScript files the page has loaded so far. */
const loadedScripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith(".js")),
  );

/** The api calls (tRPC paths, batched ones joined by commas) the page made that match. */
const askedFor = (page: Page, procedures: RegExp) =>
  page
    .evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith("/trpc/")),
    )
    .then((paths) => paths.filter((path) => procedures.test(path)));

const listedNames = (page: Page) => page.locator(".venue-card h2").allTextContents();

test("an unknown venue says so, also for a malformed address", async () => {
  const page = await site.openPage({ locale: "en-GB" });
  await page.goto(`${site.url}/venues/${crypto.randomUUID()}`);
  await expect.poll(() => heading(page)).toBe("Place not found");
  await page.goto(`${site.url}/venues/not-a-venue`);
  await expect.poll(() => heading(page)).toBe("Place not found");
});

describe.each([
  ["phone", { width: 390, height: 844 }, "Europe/Lisbon"],
  ["desktop", { width: 1280, height: 800 }, "Europe/Berlin"],
] as const)("on a %s", (device, viewport, timezoneId) => {
  test("find a place by postal code and read its offerings and rules, in German and English", async () => {
    const page = await site.openPage({ viewport, locale: "de-DE", timezoneId });
    await page.goto(`${site.url}/`);
    // Once the session is known the menu grows (and wraps on a phone); click after that.
    await page.getByRole("navigation").getByRole("link", { name: "Anmelden" }).waitFor();
    await page.getByRole("link", { name: "Buchen" }).click();
    await expect.poll(() => heading(page)).toBe("Ort finden");
    await expect
      .poll(() => listedNames(page))
      .toEqual(["Ferienhaus am See", "Kfz-Werkstatt Krüger"]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}venues-${device}.png`, fullPage: true });

    await page.getByLabel("Postleitzahl").fill("243");
    await page.getByRole("button", { name: "Suchen" }).click();
    await expect.poll(() => listedNames(page)).toEqual(["Ferienhaus am See"]);
    expect(new URL(page.url()).search).toBe("?postalCode=243");
    await page.getByRole("link", { name: "Ferienhaus am See" }).click();
    await expect.poll(() => heading(page)).toBe("Ferienhaus am See");
    await expect.poll(() => page.getByTestId("price").first().textContent()).toMatch(/pro Nacht$/);
    const policies = page.getByTestId("policies");
    expect(await policies.textContent()).toContain(
      "Buchungen müssen vom Betreiber bestätigt werden.",
    );
    expect(await policies.textContent()).toContain(
      "Kostenlos stornierbar bis 48 Stunden vor Beginn.",
    );
    // A holiday home has no reception: no opening hours.
    expect(await page.getByRole("heading", { name: "Öffnungszeiten" }).count()).toBe(0);

    await page.getByLabel("Sprache").selectOption("en");
    await expect
      .poll(() => policies.textContent())
      .toContain("Bookings need the owner's approval.");
    expect(await policies.textContent()).toContain(
      "Cancel free of charge up to 48 hours before the start.",
    );
    expect(await policies.textContent()).toContain("Book up to 540 days ahead.");
    expect(await page.getByTestId("price").first().textContent()).toMatch(/^€\d+\.\d\d per night$/);

    // A deep link survives a reload, in the language chosen.
    await page.reload();
    await expect.poll(() => heading(page)).toBe("Ferienhaus am See");
    await expect
      .poll(() => policies.textContent())
      .toContain("Bookings need the owner's approval.");
  });

  test("a workshop's page shows appointments, opening hours and its time zone", async () => {
    const page = await site.openPage({ viewport, locale: "en-GB", timezoneId });
    await page.goto(`${site.url}/venues/${workshop.id}`);
    await expect.poll(() => heading(page)).toBe("Kfz-Werkstatt Krüger");
    await expect
      .poll(() => page.getByTestId("price").allTextContents())
      .toEqual(["€49.00 per appointment", "€149.00 per appointment", "€229.00 per appointment"]);
    expect(await page.locator(".opening-hours").textContent()).toContain("Monday08:00–17:00");
    expect(await page.locator(".opening-hours").textContent()).toContain("SundayClosed");
    expect(await page.getByTestId("policies").textContent()).toContain(
      "Book at least 2 hours before the start.",
    );
    expect(await page.getByTestId("time-zone-note").textContent()).toBe(
      timezoneId === "Europe/Berlin"
        ? "All times are local to this place (Europe/Berlin)."
        : "All times are local to this place (Europe/Berlin); your device is set to Europe/Lisbon.",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}venue-${device}.png`, fullPage: true });

    // The venue and its offerings came inside the page's HTML: the page asked for neither.
    expect(await askedFor(page, /venues\.get|offerings\.list/)).toEqual([]);

    // The booking calendar loads with an offering, not with the place.
    const calendarCode = /(calendar-basics|stay-calendar|day-picker)-/;
    expect((await loadedScripts(page)).filter((path) => calendarCode.test(path))).toEqual([]);
    await page.getByRole("link", { name: "Inspektion" }).click();
    await expect.poll(() => heading(page)).toBe("Inspektion");
    await page.locator(".day-picker .rdp-month").first().waitFor();
    expect((await loadedScripts(page)).some((path) => /day-picker-/.test(path))).toBe(true);
    expect(new URL(page.url()).pathname).toMatch(
      new RegExp(`^/venues/${workshop.id}/offerings/[0-9a-f-]{36}$`),
    );

    // Reached by a click, the offering's page asks for itself and the venue's resources;
    // opened from a link (here: reloaded), it gets them inside the HTML, as the venue's
    // page does, and asks only for the free times.
    await expect.poll(() => askedFor(page, /offerings\.get/)).not.toEqual([]);
    await expect.poll(() => askedFor(page, /resources\.list/)).not.toEqual([]);
    await page.reload();
    await expect.poll(() => heading(page)).toBe("Inspektion");
    await page.locator(".day-picker .rdp-month").first().waitFor();
    await expect.poll(() => askedFor(page, /availability\./)).not.toEqual([]);
    expect(await askedFor(page, /venues\.get|offerings\.get|resources\.list/)).toEqual([]);
  });

  test("near me lists the nearest place first, with its distance", async () => {
    const page = await site.openPage({
      viewport,
      locale: "en-GB",
      timezoneId,
      geolocation: kiel,
      permissions: ["geolocation"],
    });
    await page.goto(`${site.url}/venues`);
    await page.getByRole("button", { name: "Near me" }).click();
    await expect
      .poll(() => listedNames(page))
      .toEqual(["Kfz-Werkstatt Krüger", "Ferienhaus am See"]);
    expect(new URL(page.url()).searchParams.get("near")).toBe("54.330,10.140");
    expect(await page.getByTestId("distance").allTextContents()).toEqual([
      "1.3 kilometres away",
      "26.2 kilometres away",
    ]);
    await page.screenshot({ path: `${screenshots}venues-near-${device}.png`, fullPage: true });
  });

  test("near me refused falls back to the postal code", async () => {
    const page = await site.openPage({ viewport, locale: "en-GB", timezoneId, permissions: [] });
    await page.goto(`${site.url}/venues`);
    await page.getByRole("button", { name: "Near me" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Your browser did not share your location. Search by postal code instead.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(
      "postalCode",
    );
  });
});
