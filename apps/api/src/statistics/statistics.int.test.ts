import { type MonthlyStatistics, monthlyStatisticsSchema } from "@booking/contracts";
import { beforeAll, describe, expect, test } from "vitest";
import { ownerToken } from "../../test/accounts.ts";
import {
  createVenue,
  holidayHome,
  slotOffering,
  stayOffering,
  workshopVenue,
} from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { caughtUp } from "../../test/projections.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

// Next year: every date below is in the future and within the venues' booking window.
const year = new Date().getUTCFullYear() + 1;
const march = `${year}-03`;
const april = `${year}-04`;
const day = (month: string, dayOfMonth: number) =>
  `${month}-${String(dayOfMonth).padStart(2, "0")}`;

type Booking = { id: string; status: string; price: { amount: number } };

let owner: string;

async function resources(venueId: string, kind: "room" | "bay", count: number) {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const { body } = await call<{ resource: { id: string } }>(
      "POST",
      `/venues/${venueId}/resources`,
      { token: owner, body: { name: `${kind} ${i}`, kind, capacity: 4 } },
    );
    ids.push(body.resource.id);
  }
  return ids;
}

async function offering(venueId: string, body: unknown) {
  const { status, body: created } = await call<{ offering: { id: string } }>(
    "POST",
    `/venues/${venueId}/offerings`,
    { token: owner, body },
  );
  expect(status).toBe(201);
  return created.offering.id;
}

async function book(path: "/bookings" | "/holds", body: Record<string, unknown>) {
  const response = await call<{ booking: Booking }>("POST", path, { token: owner, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.booking;
}

async function act(method: string, path: string, body?: unknown) {
  const response = await call<{ booking: Booking }>(method, path, {
    token: owner,
    ...(body ? { body } : {}),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.booking;
}

async function statistics(venueId: string, forYear = year): Promise<MonthlyStatistics> {
  await caughtUp(server().url);
  const response = await call("GET", `/stats/monthly?year=${forYear}&venueId=${venueId}`, {
    token: owner,
  });
  expect(response.status).toBe(200);
  return monthlyStatisticsSchema.parse(response.body);
}

const monthOf = (stats: MonthlyStatistics, month: string) =>
  stats.months.find((entry) => entry.month === month);

const empty = { bookings: 0, guests: 0, nights: 0, revenue: 0, confirmed: 0, cancelled: 0 };

beforeAll(async () => {
  owner = await ownerToken(call);
});

describe("monthly statistics of a holiday home (stays)", () => {
  let venueId: string;
  const prices: Record<string, number> = {};

  beforeAll(async () => {
    venueId = await createVenue(call, owner, holidayHome());
    const [room1 = "", room2 = ""] = await resources(venueId, "room", 2);
    const offeringId = await offering(venueId, stayOffering([room1, room2]));
    const stay = (rooms: string[], checkIn: string, checkOut: string, guests: number) => ({
      offeringId,
      resourceIds: rooms,
      checkIn,
      checkOut,
      guests,
    });
    // A: 3 nights in March, confirmed.
    const a = await book("/bookings", stay([room1], day(march, 10), day(march, 13), 2));
    prices.a = (await act("POST", `/bookings/${a.id}/confirm`)).price.amount;
    // B: from 30 March to 2 April, confirmed: a March booking whose last night is in April.
    const b = await book("/bookings", stay([room2], day(march, 30), day(april, 2), 1));
    prices.b = (await act("POST", `/bookings/${b.id}/confirm`)).price.amount;
    // C: pending, never decided.
    await book("/bookings", stay([room1], day(march, 20), day(march, 22), 2));
    // D: confirmed, then cancelled.
    const d = await book("/bookings", stay([room2], day(march, 5), day(march, 7), 2));
    await act("POST", `/bookings/${d.id}/confirm`);
    expect((await act("DELETE", `/bookings/${d.id}`)).status).toBe("cancelled");
    // E: rejected, in April.
    const e = await book("/bookings", stay([room1], day(april, 5), day(april, 8), 1));
    await act("POST", `/bookings/${e.id}/reject`, { reason: "family visit" });
    // F: confirmed in March, moved to April (approved again).
    const f = await book("/bookings", stay([room2], day(march, 15), day(march, 17), 2));
    await act("POST", `/bookings/${f.id}/confirm`);
    const moved = await act("PATCH", `/bookings/${f.id}`, {
      checkIn: day(april, 15),
      checkOut: day(april, 18),
    });
    expect(moved.status).toBe("pending");
    prices.f = (await act("POST", `/bookings/${f.id}/confirm`)).price.amount;
    // G: both rooms for 2 nights in April, confirmed.
    const g = await book("/bookings", stay([room1, room2], day(april, 20), day(april, 22), 3));
    prices.g = (await act("POST", `/bookings/${g.id}/confirm`)).price.amount;
    // H: a hold nobody submits counts nowhere.
    await book("/holds", stay([room1], day(march, 25), day(march, 27), 2));
  });

  test("each booking counts in the month of its check-in; confirmed ones in guests, nights, revenue", async () => {
    const stats = await statistics(venueId);
    expect(stats.currency).toBe("EUR");
    expect(stats.months.map((entry) => entry.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`),
    );
    // Prices: 4500 per room-night + 500 per guest-night.
    expect(prices).toEqual({ a: 16_500, b: 15_000, f: 16_500, g: 21_000 });
    expect(monthOf(stats, march)).toEqual({
      month: march,
      bookings: 4, // A, B, C, D (F moved to April, H was never requested)
      confirmed: 2, // A, B
      cancelled: 1, // D
      guests: 3,
      nights: 6, // A 3, B 3 (its April night too)
      revenue: 31_500,
      occupancy: 0.0806, // room-nights in March: A 3 + B 2 = 5 of 2 rooms × 31 nights
    });
    expect(monthOf(stats, april)).toEqual({
      month: april,
      bookings: 3, // E, F, G
      confirmed: 2, // F, G
      cancelled: 0,
      guests: 5,
      nights: 7, // F 3, G 2 nights × 2 rooms
      revenue: 37_500,
      occupancy: 0.1333, // B 1 + F 3 + G 4 = 8 of 2 × 30
    });
    expect(monthOf(stats, `${year}-01`)).toEqual({ month: `${year}-01`, ...empty, occupancy: 0 });
  });

  test("another year of the same venue is empty; an unknown venue is 404; a bad year 400", async () => {
    const stats = await statistics(venueId, year + 1);
    expect(stats.months.every((month) => month.bookings === 0)).toBe(true);
    const unknown = await call(
      "GET",
      `/stats/monthly?year=${year}&venueId=${crypto.randomUUID()}`,
      {
        token: owner,
      },
    );
    expect(unknown.status).toBe(404);
    const bad = await call("GET", `/stats/monthly?year=twenty&venueId=${venueId}`, {
      token: owner,
    });
    expect(bad.status).toBe(400);
  });
});

/** Weekdays (Mon–Fri, 08–17) and Saturdays (09–13) of a month: the workshop's open minutes. */
function openMinutes(month: string): number {
  const [y = 0, m = 0] = month.split("-").map(Number);
  let minutes = 0;
  for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d++) {
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday >= 1 && weekday <= 5) minutes += 9 * 60;
    if (weekday === 6) minutes += 4 * 60;
  }
  return minutes;
}

/** The first Monday–Friday of a month at or after `from` (day of month). */
function weekday(month: string, from = 1): string {
  const [y = 0, m = 0] = month.split("-").map(Number);
  for (let d = from; ; d++) {
    const weekdayNumber = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekdayNumber >= 1 && weekdayNumber <= 5) return day(month, d);
  }
}

describe("monthly statistics of a workshop in Tokyo (slots)", () => {
  let venueId: string;
  // The first month of the year whose 1st is a weekday, and the month after it.
  const first = Array.from(
    { length: 11 },
    (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`,
  ).find((month) => weekday(month) === day(month, 1)) as string;
  const [y = 0, m = 0] = first.split("-").map(Number);
  const next = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, "0")}`;

  beforeAll(async () => {
    venueId = await createVenue(
      call,
      owner,
      workshopVenue({
        timeZone: "Asia/Tokyo",
        policies: { ...workshopVenue().policies, maxAdvanceDays: 730 },
      }),
    );
    const bays = await resources(venueId, "bay", 2);
    const offeringId = await offering(venueId, slotOffering(bays));
    // 08:15 in Tokyo on the 1st is 23:15 UTC on the last day of the month before.
    const s1 = await book("/bookings", {
      offeringId,
      start: `${day(first, 1)}T08:15:00+09:00`,
      guests: 1,
    });
    expect(s1.status).toBe("confirmed");
    const s2 = await book("/bookings", {
      offeringId,
      start: `${day(first, 1)}T10:15:00+09:00`,
      guests: 1,
    });
    await act("DELETE", `/bookings/${s2.id}`);
    const s3 = await book("/bookings", {
      offeringId,
      start: `${weekday(first, 2)}T09:15:00+09:00`,
      guests: 1,
    });
    await act("PATCH", `/bookings/${s3.id}`, { start: `${weekday(next)}T09:15:00+09:00` });
  });

  test("a slot counts in the venue's local month; occupancy is booked over open minutes of both bays", async () => {
    const stats = await statistics(venueId);
    const round = (share: number) => Math.round(share * 10_000) / 10_000;
    expect(monthOf(stats, first)).toEqual({
      month: first,
      bookings: 2,
      confirmed: 1,
      cancelled: 1,
      guests: 1,
      nights: 1,
      revenue: 8900,
      occupancy: round(60 / (2 * openMinutes(first))),
    });
    expect(monthOf(stats, next)).toEqual({
      month: next,
      bookings: 1,
      confirmed: 1,
      cancelled: 0,
      guests: 1,
      nights: 1,
      revenue: 8900,
      occupancy: round(60 / (2 * openMinutes(next))),
    });
  });
});

test("GET /ready lists the statistics projection with lag 0 once it caught up", async () => {
  await caughtUp(server().url);
  const readiness = (await (await fetch(`${server().url}/ready`)).json()) as {
    projections: unknown[];
  };
  expect(readiness.projections).toContainEqual({ name: "statistics", lag: 0 });
});
