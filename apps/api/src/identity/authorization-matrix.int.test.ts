import { randomUUID } from "node:crypto";
import { type ErrorCode, errorStatusByCode, type Role, type UserStatus } from "@booking/contracts";
import type { AnyTRPCProcedure } from "@trpc/server";
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { activeUser, newPerson, ownerToken } from "../../test/accounts.ts";
import {
  createResource,
  createVenue,
  slotOffering,
  venueWithOffering,
  workshopVenue,
} from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { insertFailedNotification } from "../../test/outbox.ts";
import { useTestServer } from "../../test/test-server.ts";
import { appRouter, restRoutes } from "../app/app-router.ts";
import { accessOf } from "../trpc/trpc.ts";
import { type Access, accessOutcome } from "./access.ts";
import type { Principal } from "./principal.ts";
import { signToken } from "./signed-token.ts";

const server = useTestServer();
const call = restClient(() => server().url);

const principals = ["anonymous", "guest", "pending", "member", "admin", "owner"] as const;
type PrincipalName = (typeof principals)[number];

/** A fresh caller of each kind (fresh, because some requests erase or change their caller). */
async function credentialsOf(principal: PrincipalName): Promise<string | undefined> {
  const key = server().deps.secrets.tokenSigningKey;
  const inAnHour = Math.floor(Date.now() / 1000) + 3600;
  switch (principal) {
    case "anonymous":
      return undefined;
    case "guest":
      return signToken(key, "manage", {
        id: randomUUID(),
        subject: randomUUID(),
        expiresAt: inAnHour,
      });
    case "pending": {
      // A pending user cannot log in; a session is planted to prove the status check holds.
      const { body } = await call<{ user: { id: string } }>("POST", "/auth/register", {
        body: newPerson("pending"),
      });
      const sessionId = randomUUID();
      await server()
        .deps.database.db.insertInto("sessions")
        .values({
          id: sessionId,
          user_id: body.user.id,
          created_at: sql`now()`,
          expires_at: sql`now() + interval '1 hour'`,
        })
        .execute();
      return signToken(key, "session", {
        id: sessionId,
        subject: body.user.id,
        expiresAt: inAnHour,
      });
    }
    case "member":
    case "admin":
      return (await activeUser(call, principal)).token;
    case "owner":
      return ownerToken(call);
  }
}

function headersFor(principal: PrincipalName, credential: string | undefined) {
  if (!credential) return {};
  return principal === "guest"
    ? { headers: { "X-Booking-Token": credential } }
    : { token: credential };
}

async function pendingUserId() {
  const { body } = await call<{ user: { id: string } }>("POST", "/auth/register", {
    body: newPerson("target"),
  });
  return body.user.id;
}

async function disabledUserId() {
  const { id } = await activeUser(call);
  await call("POST", `/users/${id}/disable`, { token: await ownerToken(call) });
  return id;
}

type Request = { path: string; body?: unknown };
type Row = {
  request: (credential: RequestCredential) => Promise<Request>;
  expected: Record<PrincipalName, number>;
};
type RequestCredential = { principal: PrincipalName; options: ReturnType<typeof headersFor> };

const everyone = (status: number) =>
  Object.fromEntries(principals.map((principal) => [principal, status])) as Record<
    PrincipalName,
    number
  >;
// A row gives the answers of the callers its procedure lets in; every other caller's answer
// follows from the procedure's access declaration (401 without a login, 403 otherwise).
const account = everyone;
const adminOnly = everyone(200);
const anyoneReads = everyone(200);
const adminCreates = everyone(201);

/** A venue with one bay and one offering, made by the owner, for the catalog rows. */
async function catalogFixture() {
  const owner = await ownerToken(call);
  const venueId = await createVenue(call, owner);
  const bayId = await createResource(call, owner, venueId);
  const { body } = await call<{ offering: { id: string } }>(
    "POST",
    `/venues/${venueId}/offerings`,
    {
      token: owner,
      body: slotOffering([bayId]),
    },
  );
  return { venueId, bayId, offeringId: body.offering.id };
}

const guestContact = { name: "Gerd Gast", email: "gerd@example.org", phone: "+49 170 7654321" };
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A stay offering at a venue that needs approval, for the booking rows. */
async function stayFixture() {
  const owner = await ownerToken(call);
  return venueWithOffering(call, owner, "stay", 1);
}

/** A pending booking of some other member: the caller under test is never its booker. */
async function someonesBooking() {
  const { offeringId, resourceIds } = await stayFixture();
  const booker = await activeUser(call);
  const { body } = await call<{ booking: { id: string } }>("POST", "/bookings", {
    token: booker.token,
    body: { offeringId, resourceIds, checkIn: inDays(40), checkOut: inDays(42), guests: 1 },
  });
  return body.booking.id;
}

/** A create body; people without an account book as guests with their contact. */
async function createBody(principal: PrincipalName) {
  const { offeringId, resourceIds } = await stayFixture();
  const signedIn = principal !== "anonymous" && principal !== "guest";
  return {
    offeringId,
    resourceIds,
    checkIn: inDays(20),
    checkOut: inDays(21),
    guests: 1,
    ...(signedIn ? {} : { guest: guestContact }),
  };
}

// Open to anyone, but a signed-in caller books as themselves and must be active.
const bookable = { ...everyone(201), pending: 403 };
// Someone else's booking: a member and another booking's guest find nothing.
const staffOnBooking = (status: number) => ({ ...everyone(status), guest: 404, member: 404 });
const ownerOnly = everyone(200);

/** Every REST endpoint × every kind of caller → the status it must answer. */
const matrix: Record<string, Row> = {
  "GET /status": { request: async () => ({ path: "/status" }), expected: everyone(200) },
  "GET /projections": { request: async () => ({ path: "/projections" }), expected: adminOnly },
  "GET /backup": { request: async () => ({ path: "/backup" }), expected: adminOnly },
  // Rebuilding while one runs already answers its state, so every admin gets 200.
  "POST /projections/:name/rebuild": {
    request: async () => ({ path: "/projections/statistics/rebuild" }),
    expected: adminOnly,
  },
  "POST /projections/:name/retry": {
    request: async () => ({ path: "/projections/statistics/retry" }),
    expected: adminOnly,
  },
  "GET /stats/monthly": {
    request: async () => ({
      path: `/stats/monthly?year=${new Date().getUTCFullYear()}&venueId=${(await catalogFixture()).venueId}`,
    }),
    expected: adminOnly,
  },
  "GET /queue": { request: async () => ({ path: "/queue" }), expected: adminOnly },
  "POST /auth/register": {
    request: async () => ({ path: "/auth/register", body: newPerson() }),
    expected: everyone(201),
  },
  "POST /auth/login": {
    request: async () => {
      const person = newPerson();
      const { body } = await call<{ user: { id: string } }>("POST", "/auth/register", {
        body: person,
      });
      await call("POST", `/users/${body.user.id}/approve`, { token: await ownerToken(call) });
      return { path: "/auth/login", body: { email: person.email, password: person.password } };
    },
    expected: everyone(200),
  },
  "POST /auth/logout": { request: async () => ({ path: "/auth/logout" }), expected: everyone(204) },
  "GET /me": { request: async () => ({ path: "/me" }), expected: account(200) },
  "PATCH /me": {
    request: async () => ({ path: "/me", body: { language: "de" } }),
    expected: account(200),
  },
  // The callers' passwords are not known here: everyone who may change a password reaches
  // the check of the current one (403); the success path is in profile.int.test.ts.
  "POST /me/password": {
    request: async () => ({
      path: "/me/password",
      body: { currentPassword: "not the password", newPassword: "a new password 1" },
    }),
    expected: account(403),
  },
  "GET /me/export": { request: async () => ({ path: "/me/export" }), expected: account(200) },
  "DELETE /me": {
    request: async () => ({ path: "/me" }),
    expected: { ...account(204), owner: 422 },
  },
  "POST /me/tokens": {
    request: async () => ({ path: "/me/tokens", body: { name: "script" } }),
    expected: account(201),
  },
  "GET /me/tokens": { request: async () => ({ path: "/me/tokens" }), expected: account(200) },
  "DELETE /me/tokens/:id": {
    request: async ({ options }) => {
      const created = await call<{ id?: string }>("POST", "/me/tokens", {
        ...options,
        body: { name: "x" },
      });
      return { path: `/me/tokens/${created.body?.id ?? randomUUID()}` };
    },
    expected: account(204),
  },
  "GET /users": { request: async () => ({ path: "/users" }), expected: adminOnly },
  "POST /users/:id/approve": {
    request: async () => ({ path: `/users/${await pendingUserId()}/approve` }),
    expected: adminOnly,
  },
  "POST /users/:id/reject": {
    request: async () => ({
      path: `/users/${await pendingUserId()}/reject`,
      body: { reason: "unknown to us" },
    }),
    expected: adminOnly,
  },
  "POST /users/:id/disable": {
    request: async () => ({ path: `/users/${(await activeUser(call)).id}/disable` }),
    expected: adminOnly,
  },
  "POST /users/:id/enable": {
    request: async () => ({ path: `/users/${await disabledUserId()}/enable` }),
    expected: adminOnly,
  },
  "POST /users/:id/role": {
    request: async () => ({
      path: `/users/${(await activeUser(call)).id}/role`,
      body: { role: "admin" },
    }),
    expected: ownerOnly,
  },
  "GET /venues": { request: async () => ({ path: "/venues" }), expected: anyoneReads },
  "GET /venues/:id": {
    request: async () => ({ path: `/venues/${(await catalogFixture()).venueId}` }),
    expected: anyoneReads,
  },
  "GET /venues/:id/resources": {
    request: async () => ({ path: `/venues/${(await catalogFixture()).venueId}/resources` }),
    expected: anyoneReads,
  },
  "GET /venues/:id/offerings": {
    request: async () => ({ path: `/venues/${(await catalogFixture()).venueId}/offerings` }),
    expected: anyoneReads,
  },
  // Members see the taken times (their own bookings in full), staff every booking.
  "GET /venues/:id/calendar": {
    request: async () => ({
      path: `/venues/${(await catalogFixture()).venueId}/calendar?month=${new Date().toISOString().slice(0, 7)}`,
    }),
    expected: account(200),
  },
  "POST /venues": {
    request: async () => ({ path: "/venues", body: workshopVenue() }),
    expected: adminCreates,
  },
  "PATCH /venues/:id": {
    request: async () => ({
      path: `/venues/${(await catalogFixture()).venueId}`,
      body: { name: "Renamed" },
    }),
    expected: adminOnly,
  },
  "POST /venues/:id/resources": {
    request: async () => ({
      path: `/venues/${(await catalogFixture()).venueId}/resources`,
      body: { name: "Bay 9", kind: "bay", capacity: 1 },
    }),
    expected: adminCreates,
  },
  "PATCH /resources/:id": {
    request: async () => ({
      path: `/resources/${(await catalogFixture()).bayId}`,
      body: { name: "Bay 7" },
    }),
    expected: adminOnly,
  },
  "POST /venues/:id/offerings": {
    request: async () => {
      const { venueId, bayId } = await catalogFixture();
      return { path: `/venues/${venueId}/offerings`, body: slotOffering([bayId]) };
    },
    expected: adminCreates,
  },
  "GET /offerings/:id/availability": {
    request: async () => ({
      path: `/offerings/${(await stayFixture()).offeringId}/availability?from=${inDays(5)}&to=${inDays(9)}`,
    }),
    expected: anyoneReads,
  },
  "GET /offerings/:id/slots": {
    request: async () => ({
      path: `/offerings/${(await catalogFixture()).offeringId}/slots?date=${inDays(5)}`,
    }),
    expected: anyoneReads,
  },
  "POST /quotes": {
    request: async () => {
      const { offeringId, resourceIds } = await stayFixture();
      return {
        path: "/quotes",
        body: { offeringId, resourceIds, checkIn: inDays(5), checkOut: inDays(7), guests: 2 },
      };
    },
    expected: anyoneReads,
  },
  "POST /holds": {
    request: async ({ principal }) => ({ path: "/holds", body: await createBody(principal) }),
    expected: bookable,
  },
  "POST /bookings": {
    request: async ({ principal }) => ({ path: "/bookings", body: await createBody(principal) }),
    expected: bookable,
  },
  "GET /bookings": {
    request: async () => ({ path: "/bookings" }),
    expected: everyone(200),
  },
  "GET /booking-people": {
    request: async () => ({ path: `/booking-people?userIds=${(await activeUser(call)).id}` }),
    expected: adminOnly,
  },
  "GET /bookings/:id": {
    request: async () => ({ path: `/bookings/${await someonesBooking()}` }),
    expected: staffOnBooking(200),
  },
  "DELETE /bookings/:id/guest": {
    request: async () => {
      const { offeringId, resourceIds } = await stayFixture();
      const { body } = await call<{ booking: { id: string } }>("POST", "/bookings", {
        body: {
          offeringId,
          resourceIds,
          checkIn: inDays(40),
          checkOut: inDays(42),
          guests: 1,
          guest: guestContact,
        },
      });
      return { path: `/bookings/${body.booking.id}/guest` };
    },
    expected: { ...everyone(200), guest: 404 },
  },
  "GET /bookings/:id/ics": {
    request: async () => ({ path: `/bookings/${await someonesBooking()}/ics` }),
    expected: staffOnBooking(200),
  },
  "PATCH /bookings/:id": {
    request: async () => ({
      path: `/bookings/${await someonesBooking()}`,
      body: { notes: "late arrival" },
    }),
    expected: staffOnBooking(200),
  },
  "DELETE /bookings/:id": {
    request: async () => ({ path: `/bookings/${await someonesBooking()}` }),
    expected: staffOnBooking(200),
  },
  "POST /bookings/:id/confirm": {
    request: async () => ({ path: `/bookings/${await someonesBooking()}/confirm` }),
    expected: staffOnBooking(200),
  },
  "POST /bookings/:id/reject": {
    request: async () => ({
      path: `/bookings/${await someonesBooking()}/reject`,
      body: { reason: "family event" },
    }),
    expected: staffOnBooking(200),
  },
  // A pending booking cannot be a no-show: staff reach the state check (409), others not.
  "POST /bookings/:id/no-show": {
    request: async () => ({ path: `/bookings/${await someonesBooking()}/no-show` }),
    expected: staffOnBooking(409),
  },
  "POST /me/feeds": {
    request: async () => ({ path: "/me/feeds", body: { name: "calendar" } }),
    expected: account(201),
  },
  "GET /me/feeds": { request: async () => ({ path: "/me/feeds" }), expected: account(200) },
  "DELETE /me/feeds/:id": {
    request: async ({ options }) => {
      const created = await call<{ id?: string }>("POST", "/me/feeds", {
        ...options,
        body: { name: "x" },
      });
      return { path: `/me/feeds/${created.body?.id ?? randomUUID()}` };
    },
    expected: account(204),
  },
  // The token in the url is the credential: whoever else calls, with it the feed answers.
  "GET /feeds/:token.ics": {
    request: async () => {
      const { token } = await activeUser(call);
      const { body } = await call<{ url: string }>("POST", "/me/feeds", {
        token,
        body: { name: "x" },
      });
      return { path: new URL(body.url).pathname.replace("/api/v1", "") };
    },
    expected: everyone(200),
  },
  "GET /notifications": { request: async () => ({ path: "/notifications" }), expected: adminOnly },
  "POST /notifications/:id/retry": {
    request: async () => ({
      path: `/notifications/${await insertFailedNotification(server().deps.database.db)}/retry`,
    }),
    expected: adminOnly,
  },
  "GET /offerings/:id": {
    request: async () => ({ path: `/offerings/${(await catalogFixture()).offeringId}` }),
    expected: anyoneReads,
  },
  "PATCH /offerings/:id": {
    request: async () => ({
      path: `/offerings/${(await catalogFixture()).offeringId}`,
      body: { name: "Oil change" },
    }),
    expected: adminOnly,
  },
};

/** A principal of each kind, as the declarations are checked against. */
const principalOf: Record<PrincipalName, Principal> = {
  anonymous: { kind: "anonymous" },
  guest: { kind: "guest", bookingId: randomUUID(), tokenId: randomUUID() },
  pending: user("member", "pending"),
  member: user("member"),
  admin: user("admin"),
  owner: user("owner"),
};

function user(role: Role, status: UserStatus = "active"): Principal {
  return {
    kind: "user",
    userId: randomUUID(),
    role,
    status,
    credential: { type: "api_token", tokenId: "t" },
  };
}

/** What the declaration answers a caller it refuses; undefined for one it lets in. */
function refusal(access: readonly Access[], principal: PrincipalName): number | undefined {
  const outcome = accessOutcome(access, principalOf[principal]);
  return outcome === "allowed" ? undefined : errorStatusByCode[outcome as ErrorCode];
}

const routeByEndpoint = new Map(
  restRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route]),
);

describe("authorization matrix", () => {
  test("every REST endpoint has a row (a new endpoint must be added here)", () => {
    const endpoints = restRoutes.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(endpoints.filter((endpoint) => !(endpoint in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((endpoint) => !endpoints.includes(endpoint))).toEqual([]);
  });

  for (const [endpoint, row] of Object.entries(matrix)) {
    test(`${endpoint}`, async () => {
      const [method = "GET"] = endpoint.split(" ");
      const route = routeByEndpoint.get(endpoint);
      if (!route) throw new Error(`no route ${endpoint}`);
      const access = accessOf(route.procedure);
      const expected: Record<string, number> = {};
      const actual: Record<string, number> = {};
      for (const principal of principals) {
        expected[principal] = refusal(access, principal) ?? row.expected[principal];
        const options = headersFor(principal, await credentialsOf(principal));
        const request = await row.request({ principal, options });
        const response = await call(method, request.path, {
          ...options,
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        actual[principal] = response.status;
      }
      expect(actual).toEqual(expected);
    });
  }
});

/**
 * Every procedure of the app router, read from the router itself: a procedure added
 * anywhere is checked here without anyone writing a row. Called over tRPC with no input, a
 * caller the declaration refuses gets exactly the refusal; one it lets in reaches the
 * procedure (its input check, or the work itself) and is never refused as unauthenticated.
 */
describe("authorization of every tRPC procedure, from its declaration", () => {
  const procedures = Object.entries(
    appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>,
  );

  test("every procedure declares who may call it", () => {
    const undeclared = procedures.filter(([, procedure]) => {
      try {
        return accessOf(procedure).length === 0;
      } catch {
        return true;
      }
    });
    expect(undeclared.map(([path]) => path)).toEqual([]);
    expect(procedures.length).toBeGreaterThan(40);
  });

  for (const [path, procedure] of procedures) {
    test(`${path} (${accessOf(procedure).join(", ")})`, async () => {
      const access = accessOf(procedure);
      const isQuery = procedure._def.type === "query";
      for (const principal of principals) {
        const options = headersFor(principal, await credentialsOf(principal));
        const headers: Record<string, string> = { ...options.headers };
        if ("token" in options && options.token) headers.Authorization = `Bearer ${options.token}`;
        const response = await fetch(`${server().url}/trpc/${path}`, {
          method: isQuery ? "GET" : "POST",
          headers: isQuery ? headers : { ...headers, "Content-Type": "application/json" },
          ...(isQuery ? {} : { body: "{}" }),
        });
        const refused = refusal(access, principal);
        if (refused !== undefined) {
          expect({ principal, status: response.status }).toEqual({ principal, status: refused });
        } else {
          expect({ principal, status: response.status }).not.toEqual({ principal, status: 401 });
        }
      }
    });
  }
});

describe("access before input", () => {
  test("a caller the declaration refuses learns nothing about the input: 401/403, not 400", async () => {
    const member = await activeUser(call);
    expect((await call("POST", "/venues", { body: { name: 42 } })).status).toBe(401);
    expect(
      (await call("POST", "/venues", { token: member.token, body: { name: 42 } })).status,
    ).toBe(403);
    expect((await call("GET", "/users?status=nonsense")).status).toBe(401);
  });
});
