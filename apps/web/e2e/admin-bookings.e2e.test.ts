import type { BookingDto, OfferingDto, VenueDto } from "@booking/contracts";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { dateIn, freeSlot, requestStay } from "./harness/bookings.ts";
import { demoOffering, demoVenue } from "./harness/demo-catalog.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { approvedMember, type Member } from "./harness/members.ts";
import { heading } from "./harness/pages.ts";
import { createEveryDayVenue } from "./harness/venues.ts";

// The demo data: a holiday home that approves each stay, a workshop that confirms at once.
const site = useDemoSite();
const { call, screenshots } = site;
const owner = site.owner;

let house: { venue: VenueDto; offering: OfferingDto };
let workshop: { venue: VenueDto; offering: OfferingDto };
let member: Member;
/** Appointments that begin a few minutes after the start of the run: to be missed. */
const soon: BookingDto[] = [];
const answers = { make: "VW", model: "Golf", plate: "KI-AB 123" };

beforeAll(async () => {
  const houseVenue = await demoVenue(site, "Ferienhaus am See");
  const workshopVenue = await demoVenue(site, "Kfz-Werkstatt Krüger");
  house = { venue: houseVenue, offering: await demoOffering(site, houseVenue) };
  workshop = {
    venue: workshopVenue,
    offering: await demoOffering(site, workshopVenue, "Inspektion"),
  };
  member = await approvedMember(site, { email: "lena@family.example", name: "Lena Lindqvist" });
  soon.push(...(await appointmentsStartingSoon(member.token, 2)));
});

/** A two-night stay request from about `days` ahead, with notes to find it by. */
const requestStayWithNotes = (token: string, days: number, notes: string) =>
  requestStay(site, { offeringId: house.offering.id, token, days, notes });

const statusOf = (page: Page) =>
  page.getByRole("heading", { level: 1 }).getByTestId("booking-status").textContent();

/**
 * `count` appointments at the next five-minute mark, at a walk-in bay that needs no notice:
 * a booking must start in the future, and only one that has begun can be missed.
 */
async function appointmentsStartingSoon(token: string, count: number): Promise<BookingDto[]> {
  const venue = await createEveryDayVenue(site, {
    name: "Schnellwerkstatt",
    hours: ["00:00", "24:00"],
    holdTtlMinutes: 10,
  });
  const bays: string[] = [];
  for (let bay = 1; bay <= count; bay++) {
    const { resource } = await call<{ resource: { id: string } }>(
      "POST",
      `/venues/${venue.id}/resources`,
      { token: site.ownerToken, body: { name: `Bucht ${bay}`, kind: "bay", capacity: 1 } },
    );
    bays.push(resource.id);
  }
  const { offering } = await call<{ offering: OfferingDto }>(
    "POST",
    `/venues/${venue.id}/offerings`,
    {
      token: site.ownerToken,
      body: {
        name: "Reifenwechsel",
        mode: "slot",
        resourceIds: bays,
        price: { amount: 3000, currency: "EUR" },
        slot: { durationMinutes: 5, stepMinutes: 5 },
      },
    },
  );
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());
  const { slots } = await call<{ slots: { start: string }[] }>(
    "GET",
    `/offerings/${offering.id}/slots?date=${today}`,
  );
  // Far enough ahead that every booking of it is made before it begins.
  const next = slots.find((slot) => Date.parse(slot.start) > Date.now() + 30_000);
  if (!next) throw new Error("no slot left today");
  const booked: BookingDto[] = [];
  for (let index = 0; index < count; index++) {
    const { booking } = await call<{ booking: BookingDto }>("POST", "/bookings", {
      token,
      body: { offeringId: offering.id, start: next.start, guests: 1 },
    });
    booked.push(booking);
  }
  return booked;
}

describe.each([
  ["phone", { width: 390, height: 844 }, "Europe/Lisbon", 45, 0],
  ["desktop", { width: 1280, height: 800 }, "Europe/Berlin", 75, 1],
] as const)("on a %s", (device, viewport, timezoneId, daysAhead, soonIndex) => {
  test("filters narrow the list and stay in the address; a booking is cancelled with a reason", async () => {
    const note = `Lake view please ${device}`;
    const stay = await requestStayWithNotes(member.token, daysAhead, note);
    await call("POST", `/bookings/${stay.id}/confirm`, { token: site.ownerToken });
    const { booking: appointment } = await call<{ booking: BookingDto }>("POST", "/bookings", {
      token: member.token,
      body: {
        offeringId: workshop.offering.id,
        start: await freeSlot(site, workshop.offering.id),
        guests: 1,
        answers,
      },
    });
    expect(appointment.status).toBe("confirmed");

    const page = await site.openPage({ viewport, locale: "en-GB", timezoneId });
    await site.logIn(page, owner);
    await page.goto(`${site.url}/admin`);
    await page
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: "Bookings" })
      .click();
    await expect.poll(() => heading(page)).toBe("Bookings");
    const rows = page.getByTestId("admin-booking");
    await expect.poll(() => rows.count()).toBeGreaterThan(2);

    // Lena's words: her stays, appointments (and the walk-in ones), nobody else's.
    await page.getByLabel("Search").fill("lindqvist");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("lindqvist");
    await expect.poll(() => rows.filter({ hasNotText: "Lena Lindqvist" }).count()).toBe(0);
    await expect.poll(() => rows.filter({ hasText: "Übernachtung" }).count()).toBeGreaterThan(0);
    // The notes are searched too: one stay only.
    await page.getByLabel("Search").fill(note);
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel("Search").fill("lindqvist");
    await page.getByLabel("Status").selectOption("confirmed");
    await page.getByLabel("Place").selectOption({ label: "Ferienhaus am See" });
    await page.getByLabel("From").fill(dateIn(daysAhead - 1));
    await page.getByLabel("Until").fill(dateIn(daysAhead + 40));
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("status")).toBe("confirmed");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Ferienhaus am See");
    // A reload (or a shared link) keeps the filters.
    await page.reload();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByLabel("Status").inputValue()).toBe("confirmed");
    expect(await page.getByLabel("Search").inputValue()).toBe("lindqvist");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}admin-bookings-${device}.png`, fullPage: true });
    await page.getByLabel("Search").fill("nobody-is-called-like-this");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect.poll(() => page.getByText("No booking matches these filters.").count()).toBe(1);
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(1);

    // Its page: the facts, who did what, and the venue's decisions.
    await rows.first().getByRole("link", { name: "Übernachtung" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/admin/bookings/${stay.id}`);
    await expect.poll(() => statusOf(page)).toBe("Confirmed");
    const history = page.getByTestId("history");
    await expect.poll(() => history.textContent()).toContain("Requested by Lena Lindqvist");
    expect(await history.textContent()).toContain("Confirmed by you");
    expect(await page.getByTestId("booker").textContent()).toContain("lena@family.example");
    expect(await page.getByTestId("booking-facts").textContent()).toContain(note);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}admin-booking-${device}.png`, fullPage: true });

    await page.getByRole("button", { name: "Cancel…" }).click();
    const reason = `Water damage in the house (${device}).`;
    await page.getByLabel("Reason for cancelling (sent to the booker)").fill(reason);
    await page.getByRole("button", { name: "Cancel booking" }).click();
    await expect.poll(() => statusOf(page)).toBe("Cancelled");
    expect(await page.getByRole("status").first().textContent()).toContain(
      "The booking is cancelled.",
    );
    await expect.poll(() => history.textContent()).toContain(`Reason: ${reason}`);
    expect(await history.textContent()).toContain("Cancelled by you");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-booking-cancelled-${device}.png`,
      fullPage: true,
    });
    // The member reads the reason on their page.
    const own = await call<{ booking: BookingDto; history: { reason?: string }[] }>(
      "GET",
      `/bookings/${stay.id}`,
      { token: member.token },
    );
    expect(own.booking.status).toBe("cancelled");
    expect(own.history.map((entry) => entry.reason)).toContain(reason);

    // The appointment, with the answers to the workshop's questions, moves to another time.
    await page.goto(`${site.url}/admin/bookings/${appointment.id}`);
    await expect.poll(() => statusOf(page)).toBe("Confirmed");
    expect(await page.getByTestId("booking-facts").textContent()).toContain(answers.plate);
    await page.getByRole("button", { name: "Move this booking…" }).click();
    const times = page.getByRole("radio");
    await expect.poll(() => times.count()).toBeGreaterThan(0);
    await times.first().check();
    await page.getByRole("button", { name: "Move booking" }).click();
    await expect
      .poll(() => page.getByText("The booking is moved. The booker gets an e-mail.").count())
      .toBe(1);
    await expect.poll(() => history.textContent()).toContain("Moved by you");
    const after = await call<{ booking: BookingDto }>("GET", `/bookings/${appointment.id}`, {
      token: member.token,
    });
    expect(after.booking.start).not.toBe(appointment.start);
    expect(after.booking.status).toBe("confirmed");
    await page.context().close();
  }, 180_000);

  test("a refusal reads as a sentence; a booking that has begun is marked a no-show", async () => {
    // The member withdraws a request while its page is open: confirming it is refused.
    const request = await requestStayWithNotes(member.token, daysAhead + 50, `Withdrawn ${device}`);
    const page = await site.openPage({ viewport, locale: "en-GB", timezoneId });
    await site.logIn(page, owner);
    await page.goto(`${site.url}/admin/bookings/${request.id}`);
    await expect.poll(() => statusOf(page)).toBe("Waiting for the owner");
    await call("DELETE", `/bookings/${request.id}`, { token: member.token, body: {} });
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe(
        "This is no longer possible: the booking’s status is “Cancelled” by now. The page shows its current state.",
      );
    await expect.poll(() => statusOf(page)).toBe("Cancelled");

    // An appointment at the walk-in bay: the no-show waits until it has begun.
    const missed = soon[soonIndex];
    if (!missed) throw new Error("no appointment to miss");
    await page.goto(`${site.url}/admin/bookings/${missed.id}`);
    await expect.poll(() => statusOf(page)).toBe("Confirmed");
    const noShow = page.getByRole("button", { name: "Mark as no-show" });
    await expect
      .poll(
        async () => {
          if (Date.parse(missed.start) <= Date.now() && (await noShow.count()) === 0) {
            // The page decides what it offers when it renders: read it again once begun.
            await page.reload();
            await page.getByRole("heading", { level: 1 }).getByTestId("booking-status").waitFor();
          }
          return noShow.count();
        },
        { timeout: 400_000, interval: 2_000 },
      )
      .toBe(1);
    await noShow.click();
    await expect.poll(() => statusOf(page)).toBe("No-show");
    await expect
      .poll(() => page.getByTestId("history").textContent())
      .toContain("Marked as no-show by you");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-booking-no-show-${device}.png`,
      fullPage: true,
    });
    await page.context().close();
  }, 480_000);
});

test("a booking that does not exist says so", async () => {
  const page = await site.openPage({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
  await site.logIn(page, owner);
  await page.goto(`${site.url}/admin/bookings/00000000-0000-4000-8000-000000000000`);
  await expect.poll(() => heading(page)).toBe("Booking not found");
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
}, 60_000);
