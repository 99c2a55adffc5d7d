import type { BookingDto, OfferingDto } from "@booking/contracts";
import type { BrowserContextOptions } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { dateIn, freeSlot, requestStay } from "./harness/bookings.ts";
import { demoOffering, demoVenue } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { approvedMember } from "./harness/members.ts";
import { heading } from "./harness/pages.ts";

// The demo data: a holiday home that approves each stay (48 h notice) and a car
// workshop that confirms at once (24 h notice).
const site = useDemoSite({
  // Every call of these tests comes from one address; the limit has tests of its own.
  env: { RATE_LIMIT_PER_MINUTE: "0" },
});
const { call, screenshots } = site;
const answers = { make: "VW", model: "Golf", plate: "KI-AB 123" };

let stayOffering: OfferingDto;
let inspection: OfferingDto;

beforeAll(async () => {
  stayOffering = await demoOffering(site, await demoVenue(site, "Ferienhaus am See"));
  inspection = await demoOffering(
    site,
    await demoVenue(site, "Kfz-Werkstatt Krüger"),
    "Inspektion",
  );
});

/** A member the owner approved; each test has its own, all named alike. */
const memberAt = (email: string) => approvedMember(site, { email, name: "Mia Muster" });

const stayFrom = (token: string, days: number) =>
  requestStay(site, { offeringId: stayOffering.id, token, days });

/** The first free inspection slot at least four days ahead: well before its 24 h notice. */
const inspectionSlot = () => freeSlot(site, inspection.id);

/** Downloads (the calendar file) are saved, to be read back. */
const openPage = (options: BrowserContextOptions) =>
  site.openPage({ ...options, acceptDownloads: true });

/** Two free nights for a stay's room, starting at least two nights after its check-in. */
async function freeNightsAfter(stay: BookingDto): Promise<[string, string]> {
  const room = stay.resourceIds[0];
  const day = (offset: number) =>
    new Date(Date.parse(`${stay.checkIn}T00:00:00Z`) + offset * 86_400_000)
      .toISOString()
      .slice(0, 10);
  const { nights } = await call<{ nights: { date: string; freeResourceIds: string[] }[] }>(
    "GET",
    `/offerings/${stayOffering.id}/availability?from=${day(2)}&to=${day(30)}&guests=2`,
  );
  for (let index = 0; index + 1 < nights.length; index++) {
    const [first, second] = [nights[index], nights[index + 1]];
    if (room && first?.freeResourceIds.includes(room) && second?.freeResourceIds.includes(room)) {
      return [first.date, day(2 + index + 2)];
    }
  }
  throw new Error("no two free nights for the room");
}

describe.each([
  ["phone", { width: 390, height: 844 }, "Europe/Lisbon", 30],
  ["desktop", { width: 1280, height: 800 }, "Europe/Berlin", 40],
] as const)("on a %s", (device, viewport, timezoneId, daysAhead) => {
  test("a member lists their bookings, reads one's history and cancels it", async () => {
    const member = await memberAt(`mia-${device}@family.example`);
    // A stay that waits for the owner, and an appointment confirmed at once.
    await stayFrom(member.token, daysAhead);
    const { booking: appointment } = await call<{ booking: BookingDto }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId: inspection.id, start: await inspectionSlot(), guests: 1, answers },
    });
    expect(appointment.status).toBe("confirmed");

    const page = await openPage({ viewport, locale: "en-GB", timezoneId });
    await site.logIn(page, member);
    await page.getByRole("navigation").getByRole("link", { name: "My bookings" }).click();
    await expect.poll(() => heading(page)).toBe("My bookings");
    const cards = page.getByTestId("booking-card");
    await expect.poll(() => cards.count()).toBe(2);
    // The appointment starts sooner: it is listed first.
    await expect.poll(() => cards.first().textContent()).toContain("Kfz-Werkstatt Krüger");
    expect(await cards.first().getByTestId("booking-status").textContent()).toBe("Confirmed");
    expect(await cards.first().textContent()).toContain("€149.00");
    await expect.poll(() => cards.nth(1).textContent()).toContain("Ferienhaus am See");
    expect(await cards.nth(1).getByTestId("booking-status").textContent()).toBe(
      "Waiting for the owner",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}manage-list-${device}.png`, fullPage: true });

    // Nothing in the past yet.
    await page.getByRole("button", { name: "Past" }).click();
    await expect.poll(() => page.getByText("You have no past bookings.").count()).toBe(1);
    await page.getByRole("button", { name: "Upcoming" }).click();

    await page.getByRole("link", { name: "Inspektion" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/bookings/${appointment.id}`);
    await expect.poll(() => heading(page)).toContain("Inspektion");
    const history = page.getByTestId("history");
    await expect.poll(() => history.textContent()).toContain("Requested by you");
    expect(await history.textContent()).toContain("Confirmed automatically");
    expect(await page.getByTestId("cancel-notice").textContent()).toMatch(
      /^You can cancel free of charge until .+ \(24 hours before the start\)\.$/,
    );
    expect(await page.getByText("Times are local to the place (Europe/Berlin).").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The calendar file downloads.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Add to calendar (.ics)" }).click();
    expect((await download).suggestedFilename()).toBe(`booking-${appointment.id}.ics`);

    await page.getByRole("button", { name: "Cancel this booking…" }).click();
    await page.getByLabel("Reason (optional)").fill("The car is sold.");
    await page.getByRole("button", { name: "Yes, cancel the booking" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("The booking is cancelled.");
    await expect
      .poll(() =>
        page.getByRole("heading", { level: 1 }).getByTestId("booking-status").textContent(),
      )
      .toBe("Cancelled");
    await expect.poll(() => history.textContent()).toContain("Cancelled by you");
    expect(await history.textContent()).toContain("Reason: The car is sold.");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}manage-booking-${device}.png`, fullPage: true });

    const { booking } = await call<{ booking: BookingDto }>("GET", `/bookings/${appointment.id}`, {
      token: member.token,
    });
    expect(booking.status).toBe("cancelled");
  });

  test("a member moves a confirmed stay: it goes back to the owner, who confirms it again", async () => {
    const member = await memberAt(`moritz-${device}@family.example`);
    const stay = await stayFrom(member.token, daysAhead + 20);
    await call("POST", `/bookings/${stay.id}/confirm`, { token: site.ownerToken });

    const page = await openPage({ viewport, locale: "en-GB", timezoneId });
    await site.logIn(page, member);
    await page.goto(`${site.url}/bookings/${stay.id}`);
    const status = page.getByRole("heading", { level: 1 }).getByTestId("booking-status");
    await expect.poll(() => status.textContent()).toBe("Confirmed");
    // The house approves every stay: a move asks the owner again, and the page says so first.
    await page.getByRole("button", { name: "Move this booking…" }).click();
    expect(await page.getByText(/owner/i).count()).toBeGreaterThan(0);

    // The same room, two nights that do not overlap the stay's own (the api tells which).
    const [checkIn, checkOut] = await freeNightsAfter(stay);
    await page.getByLabel("Check-in").fill(checkIn);
    await page.getByLabel("Check-out").fill(checkOut);
    await page.getByRole("button", { name: "Move booking" }).click();
    await expect.poll(() => page.getByText("The booking is moved.").count()).toBe(1);
    const { booking: moved } = await call<{ booking: BookingDto }>("GET", `/bookings/${stay.id}`, {
      token: member.token,
    });
    expect([moved.checkIn, moved.checkOut]).toEqual([checkIn, checkOut]);
    // Back to the owner: the page and the api agree.
    await expect.poll(() => status.textContent()).toBe("Waiting for the owner");
    expect(moved.status).toBe("pending");
    await expect.poll(() => page.getByTestId("history").textContent()).toContain("Moved by you");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}manage-stay-moved-${device}.png`,
      fullPage: true,
    });

    // The owner confirms the new dates; the member's page shows it on its next look.
    await call("POST", `/bookings/${stay.id}/confirm`, { token: site.ownerToken });
    await page.reload();
    await expect.poll(() => status.textContent()).toBe("Confirmed");
  });

  test("a guest opens their booking by its manage link and cancels it", async () => {
    const { booking, manageToken } = await call<{ booking: BookingDto; manageToken: string }>(
      "POST",
      "/bookings",
      {
        body: {
          offeringId: inspection.id,
          start: await inspectionSlot(),
          guests: 1,
          answers,
          guest: { name: "Gustav Gast", email: "gustav@example.com", phone: "+49 431 55555" },
        },
      },
    );
    const page = await openPage({ viewport, locale: "en-GB", timezoneId });
    await page.goto(`${site.url}/manage/${manageToken}`);
    await expect.poll(() => heading(page)).toContain("Inspektion");
    expect(
      await page.getByRole("heading", { level: 1 }).getByTestId("booking-status").textContent(),
    ).toBe("Confirmed");
    await expect
      .poll(() => page.getByTestId("history").textContent())
      .toContain("Requested by you");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}manage-guest-${device}.png`, fullPage: true });

    // Moved to another free time of the same day.
    await page.getByRole("button", { name: "Move this booking…" }).click();
    const times = page.getByRole("radio");
    await expect.poll(() => times.count()).toBeGreaterThan(0);
    await times.first().check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}manage-move-${device}.png`, fullPage: true });
    await page.getByRole("button", { name: "Move booking" }).click();
    await expect.poll(() => page.getByText("The booking is moved.").count()).toBe(1);
    await expect.poll(() => page.getByTestId("history").textContent()).toContain("Moved by you");
    const { booking: moved } = (await (
      await fetch(`${site.url}/api/v1/bookings/${booking.id}`, {
        headers: { "X-Booking-Token": manageToken },
      })
    ).json()) as { booking: BookingDto };
    expect(moved.start).not.toBe(booking.start);
    expect(moved.status).toBe("confirmed");

    await page.getByRole("button", { name: "Cancel this booking…" }).click();
    await page.getByRole("button", { name: "Yes, cancel the booking" }).click();
    await expect.poll(() => page.getByText("The booking is cancelled.").count()).toBe(1);
    await expect
      .poll(() => page.getByTestId("history").textContent())
      .toContain("Cancelled by you");
    const after = await fetch(`${site.url}/api/v1/bookings/${booking.id}`, {
      headers: { "X-Booking-Token": manageToken },
    });
    expect(((await after.json()) as { booking: BookingDto }).booking.status).toBe("cancelled");

    // A forged or mangled link says so.
    const [kind, payload] = manageToken.split(".");
    await page.goto(`${site.url}/manage/${kind}.${payload}.forged`);
    await expect.poll(() => heading(page)).toBe("Link not valid");
    await page.goto(`${site.url}/manage/not-a-token`);
    await expect.poll(() => heading(page)).toBe("Link not valid");
  });
});

test("a member with more bookings than a page pages through them with Show more", async () => {
  const member = await memberAt("paula@family.example");
  // 21 appointments, one a day (a day's slots overlap): one more than a page holds.
  const starts: string[] = [];
  for (let days = 4; starts.length < 21 && days < 60; days++) {
    const { slots } = await call<{ slots: { start: string }[] }>(
      "GET",
      `/offerings/${inspection.id}/slots?date=${dateIn(days)}`,
    );
    if (slots[0]) starts.push(slots[0].start);
  }
  for (const start of starts) {
    await call("POST", "/bookings", {
      token: member.token,
      body: { offeringId: inspection.id, start, guests: 1, answers },
    });
  }
  const page = await openPage({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
  await site.logIn(page, member);
  await page.goto(`${site.url}/bookings`);
  const cards = page.getByTestId("booking-card");
  await expect.poll(() => cards.count()).toBe(20);
  await page.getByRole("button", { name: "Show more" }).click();
  await expect.poll(() => cards.count()).toBe(21);
  // The end of the list: nothing more to ask for.
  expect(await page.getByRole("button", { name: "Show more" }).count()).toBe(0);
});
