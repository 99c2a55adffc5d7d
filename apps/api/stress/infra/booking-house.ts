import { randomUUID } from "node:crypto";

/**
 * A holiday house set up through the public REST API, and keyed booking requests against
 * it: what the crash and outage scenarios load the api with. Every request books its own
 * room and night, so two bookings of one request would not collide: a duplicate shows up
 * as an extra row instead of a 409.
 */
export const stressOwner = { email: "owner@stress.example.org", password: "stress-owner-password" };

export interface House {
  venueId: string;
  offeringId: string;
  resourceIds: string[];
}

export interface KeyedRequest {
  key: string;
  body: Record<string, unknown>;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & {
    booking?: { id: string; status: string };
    error?: { code: string };
  };
  ms: number;
}

const api = "/api/v1";

/** One REST call; a connection error or no answer within `timeoutMs` rejects. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${baseUrl}${api}${path}`, {
    method,
    headers,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const body =
    text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : {};
  return {
    status: response.status,
    headers: response.headers,
    body,
    ms: performance.now() - started,
  };
}

async function expectStatus(answer: Promise<Answer>, status: number, what: string) {
  const got = await answer;
  if (got.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${got.status} ${JSON.stringify(got.body)}`);
  }
  return got.body;
}

export async function ownerToken(baseUrl: string): Promise<string> {
  const body = await expectStatus(
    call(baseUrl, "POST", "/auth/login", { body: stressOwner }),
    200,
    "owner login",
  );
  return String(body.token);
}

/**
 * A house of `rooms` rooms that confirms stays at once (no approval, notice or
 * cancellation rules); `holdTtlMinutes` is how long a hold keeps its room.
 */
export async function createHouse(
  baseUrl: string,
  token: string,
  rooms: number,
  holdTtlMinutes = 10,
): Promise<House> {
  const noHours: [string, string][] = [];
  const venue = await expectStatus(
    call(baseUrl, "POST", "/venues", {
      token,
      body: {
        name: "Haus am See",
        timeZone: "Europe/Berlin",
        currency: "EUR",
        openingHours: Object.fromEntries(
          ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, noHours]),
        ),
        closures: [],
        policies: {
          approvalRequired: false,
          holdTtlMinutes,
          minNoticeMinutes: 0,
          maxAdvanceDays: 730,
          cancellationNoticeHours: 0,
        },
      },
    }),
    201,
    "create venue",
  );
  const venueId = (venue.venue as { id: string }).id;
  const resourceIds: string[] = [];
  for (let i = 1; i <= rooms; i++) {
    const resource = await expectStatus(
      call(baseUrl, "POST", `/venues/${venueId}/resources`, {
        token,
        body: { name: `Room ${i}`, kind: "room", capacity: 4 },
      }),
      201,
      "create room",
    );
    resourceIds.push((resource.resource as { id: string }).id);
  }
  const offering = await expectStatus(
    call(baseUrl, "POST", `/venues/${venueId}/offerings`, {
      token,
      body: {
        name: "Zimmer",
        mode: "stay",
        resourceIds,
        price: { amount: 4500, currency: "EUR" },
        stay: { minNights: 1, maxNights: 14, perGuestNightly: 500 },
      },
    }),
    201,
    "create offering",
  );
  return { venueId, offeringId: (offering.offering as { id: string }).id, resourceIds };
}

/** YYYY-MM-DD, `days` from today (UTC). */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `count` anonymous guest stays, request `i` on room `i mod rooms` for one night starting
 * `firstDay` + `i div rooms` days ahead, each with its own key and guest address (each owes
 * that guest one confirmation mail).
 */
export function stayRequests(
  house: House,
  count: number,
  firstDay: number,
  label: string,
): KeyedRequest[] {
  const rooms = house.resourceIds.length;
  return Array.from({ length: count }, (_, i) => {
    const day = firstDay + Math.floor(i / rooms);
    return {
      key: randomUUID(),
      body: {
        offeringId: house.offeringId,
        resourceIds: [house.resourceIds[i % rooms]],
        checkIn: inDays(day),
        checkOut: inDays(day + 1),
        guests: 1,
        guest: {
          name: `Guest ${label}-${i}`,
          email: `${label}-${i}@stress.example.org`,
          phone: "+49 30 1",
        },
      },
    };
  });
}

/** POST /bookings with the request's Idempotency-Key, as a retrying client sends it. */
export function postBooking(baseUrl: string, request: KeyedRequest, timeoutMs?: number) {
  return call(baseUrl, "POST", "/bookings", {
    body: request.body,
    headers: { "Idempotency-Key": request.key },
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
}
