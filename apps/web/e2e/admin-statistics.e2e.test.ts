import { readFile } from "node:fs/promises";
import type { OfferingDto, VenueDto } from "@booking/contracts";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { requestStay } from "./harness/bookings.ts";
import { demoOffering, demoVenue } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { approvedMember } from "./harness/members.ts";
import { goToAdminSection, ownerPage } from "./harness/owner-page.ts";

// The demo's holiday home: stays the owner confirms count in its statistics.
const site = useDemoSite({
  // The test polls the read model; the per-client limit would count those calls.
  env: { RATE_LIMIT_PER_MINUTE: "0" },
});
const { call, screenshots } = site;

let house: { venue: VenueDto; offering: OfferingDto };

beforeAll(async () => {
  const venue = await demoVenue(site, "Ferienhaus am See");
  house = { venue, offering: await demoOffering(site, venue) };
  await stays();
});

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
    { token: site.ownerToken },
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
    const ready = (await (await fetch(`${site.url}/ready`)).json()) as {
      projections: { lag: number }[];
    };
    return ready.projections.every((projection) => projection.lag === 0);
  });
}

/** Three stays a member requests and the owner confirms, all starting in one year. */
async function stays() {
  const member = await approvedMember(site, {
    email: "stella@family.example",
    name: "Stella Stat",
  });
  const requestStayFrom = (days: number) =>
    requestStay(site, { offeringId: house.offering.id, token: member.token, days });
  const first = await requestStayFrom(30);
  year = Number((first.checkIn ?? "").slice(0, 4));
  await caughtUp();
  const before = await confirmedInYear();
  const made = [first, await requestStayFrom(33), await requestStayFrom(36)];
  for (const stay of made) {
    await call("POST", `/bookings/${stay.id}/confirm`, { token: site.ownerToken });
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
    const page = await ownerPage(site, { viewport, timezoneId });
    await goToAdminSection(page, "Statistics");
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
