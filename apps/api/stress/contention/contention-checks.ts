import { addDays, today } from "../../bench/dates.ts";
import type { HttpClient } from "../../bench/http-load.ts";
import { check, round } from "../check.ts";
import { slotStarts, slotVenue, stayVenue } from "../fixtures/catalog.ts";
import { stressClient } from "../fixtures/stress-api.ts";
import type { Check } from "../scenario.ts";
import { type BurstOutcome, bookingBurst, describeOther } from "./booking-burst.ts";

export const flashCrowd = { requests: 5_000, slots: 100, connections: 200, seconds: 10 };
const racers = 200;
const p99LimitMs = 500;

export interface ContentionResult {
  checks: Check[];
  figures: Record<string, number | string>;
  /** The flash crowd's venue, the bookings it got and the years of its slots. */
  crowd: { venueId: string; bookings: number; years: number[] };
}

/**
 * The races of docs/quality.md against `baseUrl` (one api process or the proxy in front of
 * several): the flash crowd (5,000 requests for 100 one-bay slots over 200 connections),
 * 200 attempts at overlapping nights of one room, 200 at one slot of a venue with 3 bays.
 * Each race gets a venue of its own, created through `baseUrl` too.
 */
export async function contentionChecks(
  baseUrl: string,
  token: string,
  log: (message: string) => void,
): Promise<ContentionResult> {
  const checks: Check[] = [];
  const figures: Record<string, number | string> = {};
  let crowdOutcome: ContentionResult["crowd"] = { venueId: "", bookings: 0, years: [] };
  const client = stressClient(baseUrl, flashCrowd.connections);
  try {
    await warmUp(baseUrl, token, log);
    const crowdVenue = await slotVenue(client, token, "Flash crowd workshop", 1);
    const starts = slotStarts(flashCrowd.slots);
    const crowdBodies = Array.from({ length: flashCrowd.requests }, (_, i) => ({
      offeringId: crowdVenue.offeringId,
      start: starts[i % starts.length],
      guests: 1,
    }));
    log(
      `flash crowd: ${flashCrowd.requests} bookings for ${flashCrowd.slots} slots over ${flashCrowd.connections} connections`,
    );
    const crowd = await bookingBurst(client, token, crowdBodies, flashCrowd.connections);
    crowdOutcome = {
      venueId: crowdVenue.venueId,
      bookings: crowd.created,
      years: [...new Set(starts.map((start) => new Date(start as string).getUTCFullYear()))],
    };
    const losers = flashCrowd.requests - flashCrowd.slots;
    checks.push(
      check(
        `flash crowd: exactly ${flashCrowd.slots} bookings created`,
        crowd.created === flashCrowd.slots,
        `${crowd.created} × 201`,
      ),
      check(
        `flash crowd: ${losers} × 409 SLOT_UNAVAILABLE`,
        crowd.slotUnavailable === losers,
        `${crowd.slotUnavailable} × 409 SLOT_UNAVAILABLE; other: ${describeOther(crowd.other)}`,
      ),
      check(
        "flash crowd: no 5xx",
        crowd.serverErrors === 0,
        `${crowd.serverErrors} × 5xx or failed`,
      ),
      check(
        `flash crowd: p99 ≤ ${p99LimitMs} ms`,
        crowd.p99 <= p99LimitMs,
        `p99 ${round(crowd.p99)} ms (p50 ${round(crowd.p50)} ms; p99 of those sent in the first second ${round(crowd.p99FirstSecond)} ms, later ${round(crowd.p99Later)} ms)`,
      ),
      check(
        `flash crowd: all ${flashCrowd.requests} answered within ${flashCrowd.seconds} s`,
        crowd.seconds <= flashCrowd.seconds,
        `${round(crowd.seconds, 2)} s (${Math.round(crowd.sent / crowd.seconds)} requests/s)`,
      ),
    );
    const stored = await countBookings(client, token, crowdVenue.venueId);
    checks.push(
      check(
        `flash crowd: the venue holds exactly ${flashCrowd.slots} bookings afterwards`,
        stored === flashCrowd.slots,
        `${stored} listed by GET /bookings?venueId=`,
      ),
    );
    Object.assign(figures, burstFigures("flash_crowd", crowd));

    const home = await stayVenue(client, token, "Race for one room", 1);
    const night = addDays(today(), 20);
    // Every attempt covers `night`: 1–3 nights before it, 1–3 after.
    const roomBodies = Array.from({ length: racers }, (_, i) => ({
      offeringId: home.offeringId,
      resourceIds: home.resourceIds,
      checkIn: addDays(night, -(i % 3)),
      checkOut: addDays(night, 1 + (Math.floor(i / 3) % 3)),
      guests: 1,
    }));
    log(`${racers} concurrent attempts at overlapping nights of one room`);
    const room = await bookingBurst(client, token, roomBodies, racers);
    checks.push(
      check(
        `same room, overlapping nights: exactly 1 of ${racers} succeeds, ${racers - 1} × 409 SLOT_UNAVAILABLE`,
        room.created === 1 && room.slotUnavailable === racers - 1,
        `${room.created} × 201, ${room.slotUnavailable} × 409; other: ${describeOther(room.other)}`,
      ),
    );
    Object.assign(figures, burstFigures("same_room", room));

    const bays = await slotVenue(client, token, "Race for three bays", 3);
    const [start] = slotStarts(1);
    const bayBodies = Array.from({ length: racers }, () => ({
      offeringId: bays.offeringId,
      start,
      guests: 1,
    }));
    log(`${racers} concurrent attempts at one slot with 3 bays`);
    const slot = await bookingBurst(client, token, bayBodies, racers);
    const distinctBays = await bookedResources(client, token, slot.bookingIds);
    checks.push(
      check(
        `one slot, 3 bays: exactly 3 of ${racers} succeed, on 3 different bays`,
        slot.created === 3 && slot.slotUnavailable === racers - 3 && distinctBays === 3,
        `${slot.created} × 201 on ${distinctBays} bays, ${slot.slotUnavailable} × 409; other: ${describeOther(slot.other)}`,
      ),
    );
    Object.assign(figures, burstFigures("three_bays", slot));
  } finally {
    client.close();
  }
  return { checks, figures, crowd: crowdOutcome };
}

/**
 * A running system meets a flash crowd, not a cold one: 1,000 contended bookings on a venue
 * of their own first (JIT, connection pool, caches), over connections closed afterwards so
 * that the crowd still opens its own.
 */
async function warmUp(baseUrl: string, token: string, log: (message: string) => void) {
  const client = stressClient(baseUrl, 50);
  try {
    const venue = await slotVenue(client, token, "Warm-up workshop", 1);
    const starts = slotStarts(50);
    const bodies = Array.from({ length: 1_000 }, (_, i) => ({
      offeringId: venue.offeringId,
      start: starts[i % starts.length],
      guests: 1,
    }));
    const outcome = await bookingBurst(client, token, bodies, 50);
    log(`warm-up: 1000 bookings in ${round(outcome.seconds, 1)} s, ${outcome.created} created`);
  } finally {
    client.close();
  }
}

function burstFigures(prefix: string, outcome: BurstOutcome): Record<string, number> {
  // A race sent within its first second has no "later" to show (its p99 reads 0).
  const split =
    outcome.p99Later > 0
      ? {
          [`${prefix}_p99_sent_in_first_second_ms`]: round(outcome.p99FirstSecond),
          [`${prefix}_p99_sent_later_ms`]: round(outcome.p99Later),
        }
      : {};
  return {
    [`${prefix}_p50_ms`]: round(outcome.p50),
    [`${prefix}_p99_ms`]: round(outcome.p99),
    ...split,
    [`${prefix}_seconds`]: round(outcome.seconds, 2),
    [`${prefix}_requests_per_s`]: Math.round(outcome.sent / outcome.seconds),
  };
}

async function countBookings(client: HttpClient, token: string, venueId: string): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const query: string = `venueId=${venueId}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page: { items: { status: string }[]; nextCursor: string | null } = await client.json(
      "GET",
      `/api/v1/bookings?${query}`,
      200,
      { token },
    );
    total += page.items.filter((booking) => booking.status !== "cancelled").length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

async function bookedResources(client: HttpClient, token: string, ids: string[]) {
  const resources = new Set<string>();
  for (const id of ids) {
    const { booking } = await client.json<{ booking: { resourceIds: string[] } }>(
      "GET",
      `/api/v1/bookings/${id}`,
      200,
      { token },
    );
    for (const resource of booking.resourceIds) resources.add(resource);
  }
  return resources.size;
}
