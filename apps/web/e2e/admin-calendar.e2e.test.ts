import type { BookingDto, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { freeSlot, requestStay } from "./harness/bookings.ts";
import { demoOffering, demoVenue, resourcesOf } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { approvedMember } from "./harness/members.ts";
import { ownerPage } from "./harness/owner-page.ts";

// The demo's holiday home approves each stay: a request waits as pending.
const site = useDemoSite({
  // The test polls the read model; the per-client limit would count those calls.
  env: { RATE_LIMIT_PER_MINUTE: "0" },
});
const { call, screenshots } = site;

let house: { venue: VenueDto; offering: OfferingDto; rooms: ResourceDto[] };
let workshop: { venue: VenueDto; offering: OfferingDto; bays: ResourceDto[] };

beforeAll(async () => {
  const garage = await demoVenue(site, "Kfz-Werkstatt Krüger");
  workshop = {
    venue: garage,
    offering: await demoOffering(site, garage, "Inspektion"),
    bays: await resourcesOf(site, garage),
  };
  const venue = await demoVenue(site, "Ferienhaus am See");
  house = {
    venue,
    offering: await demoOffering(site, venue),
    rooms: await resourcesOf(site, venue),
  };
  // A closure half a year ahead, well after the stays the tests book.
  const from = `${closureMonth}-10`;
  const to = `${closureMonth}-12`;
  await call("PATCH", `/venues/${venue.id}`, {
    token: site.ownerToken,
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

/** Waits until the calendar read model shows the booking with this status. */
async function projected(booking: BookingDto, status: string) {
  const month = (booking.checkIn ?? "").slice(0, 7);
  await expect
    .poll(async () => {
      const { resources } = await call<{
        resources: { bookings: { id: string | null; status: string | null }[] }[];
      }>("GET", `/venues/${house.venue.id}/calendar?month=${month}`, { token: site.ownerToken });
      return resources.flatMap((resource) => resource.bookings).find((b) => b.id === booking.id)
        ?.status;
    })
    .toBe(status);
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
    const member = await approvedMember(site, {
      email: `carla-${device}@family.example`,
      name: `Carla ${device}`,
    });
    const waiting = await requestStay(site, {
      offeringId: house.offering.id,
      token: member.token,
      days: daysAhead,
    });
    const confirmed = await requestStay(site, {
      offeringId: house.offering.id,
      token: member.token,
      days: daysAhead + 3,
    });
    await call("POST", `/bookings/${confirmed.id}/confirm`, { token: site.ownerToken });
    await projected(waiting, "pending");
    await projected(confirmed, "confirmed");
    const roomOf = (booking: BookingDto) =>
      house.rooms.find((room) => room.id === booking.resourceIds[0])?.name ?? "";
    const month = (waiting.checkIn ?? "").slice(0, 7);

    const page = await ownerPage(site, { viewport, timezoneId });
    await page.goto(`${site.url}/admin/calendar?venueId=${house.venue.id}`);
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
    await page.goto(`${site.url}/admin/calendar?venueId=${house.venue.id}&month=${closureMonth}`);
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
  const start = await freeSlot(site, workshop.offering.id);
  const member = await approvedMember(site, { email: "theo@family.example", name: "Theo Tester" });
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
        { token: site.ownerToken },
      );
      return resources.some((resource) => resource.bookings.some((b) => b.id === booking.id));
    })
    .toBe(true);

  const page = await ownerPage(site, {
    viewport: { width: 1280, height: 800 },
    timezoneId: "Europe/Berlin",
  });
  await page.goto(`${site.url}/admin/calendar?venueId=${house.venue.id}&month=${month}`);
  // Choosing the workshop opens its current month; the address then takes us to the one.
  await page.getByLabel("Venue", { exact: true }).selectOption({ label: workshop.venue.name });
  await expect.poll(() => new URL(page.url()).searchParams.get("venueId")).toBe(workshop.venue.id);
  await page.goto(`${site.url}/admin/calendar?venueId=${workshop.venue.id}&month=${month}`);
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
