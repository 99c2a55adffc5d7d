import type { BookingDto, OfferingDto } from "@booking/contracts";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { requestStay } from "./harness/bookings.ts";
import { demoOffering, demoVenue } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { approvedMember } from "./harness/members.ts";
import { heading } from "./harness/pages.ts";

// The demo data: a holiday home that approves each stay.
const site = useDemoSite();
const { call, screenshots } = site;
const owner = site.owner;

let stayOffering: OfferingDto;

beforeAll(async () => {
  stayOffering = await demoOffering(site, await demoVenue(site, "Ferienhaus am See"));
});

/** A two-night stay request from about `days` ahead, with notes to find it by. */
const requestStayWithNotes = (token: string, days: number, notes: string) =>
  requestStay(site, { offeringId: stayOffering.id, token, days, notes });

const statusOf = (page: Page) =>
  page.getByRole("heading", { level: 1 }).getByTestId("booking-status").textContent();

describe.each([
  ["phone", { width: 390, height: 844 }, "Europe/Lisbon", 50],
  ["desktop", { width: 1280, height: 800 }, "Europe/Berlin", 70],
] as const)("on a %s", (device, viewport, timezoneId, daysAhead) => {
  test("the owner confirms one request and rejects another in the queue; the member sees both", async () => {
    const member = await approvedMember(site, {
      email: `queue-${device}@family.example`,
      name: `Queue ${device}`,
    });
    const accepted = await requestStayWithNotes(member.token, daysAhead, `First stay ${device}`);
    const refused = await requestStayWithNotes(
      member.token,
      daysAhead + 10,
      `Second stay ${device}`,
    );
    expect([accepted.status, refused.status]).toEqual(["pending", "pending"]);

    const page = await site.openPage({ viewport, locale: "en-GB", timezoneId });
    await site.logIn(page, owner);
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
    const own = await site.openPage({ viewport, locale: "en-GB", timezoneId });
    await site.logIn(own, member);
    await own.goto(`${site.url}/bookings/${accepted.id}`);
    await expect.poll(() => statusOf(own)).toBe("Confirmed");
    await expect
      .poll(() => own.getByTestId("history").textContent())
      .toContain("Confirmed by the venue");
    await own.goto(`${site.url}/bookings/${refused.id}`);
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
    { token: site.ownerToken },
  );
  for (const booking of queue.pendingBookings.items) {
    await call("POST", `/bookings/${booking.id}/confirm`, { token: site.ownerToken });
  }
  const page = await site.openPage({ viewport: { width: 390, height: 844 }, locale: "de-DE" });
  await page.goto(`${site.url}/login`);
  await page.getByLabel("E-Mail-Adresse").fill(owner.email);
  await page.getByLabel("Passwort").fill(owner.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/account");
  await page.goto(`${site.url}/admin`);
  await expect.poll(() => page.getByText("Keine Buchungsanfrage wartet.").count()).toBe(1);
  expect(await heading(page)).toBe("Zu bestätigen");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${screenshots}admin-queue-empty-de.png`, fullPage: true });
  await page.context().close();
}, 60_000);
