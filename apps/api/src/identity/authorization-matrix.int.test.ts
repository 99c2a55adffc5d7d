import { randomUUID } from "node:crypto";
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
import { useTestServer } from "../../test/test-server.ts";
import { restRoutes } from "../app/rest-routes.ts";
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
      await server().deps.database.pool.query(
        "INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ($1, $2, now(), now() + interval '1 hour')",
        [sessionId, body.user.id],
      );
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
const account = (status: number) => ({
  anonymous: 401,
  guest: 403,
  pending: 403,
  member: status,
  admin: status,
  owner: status,
});
const adminOnly = { anonymous: 401, guest: 403, pending: 403, member: 403, admin: 200, owner: 200 };
const anyoneReads = everyone(200);
const adminCreates = {
  anonymous: 401,
  guest: 403,
  pending: 403,
  member: 403,
  admin: 201,
  owner: 201,
};

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

const bookable = { anonymous: 201, guest: 201, pending: 403, member: 201, admin: 201, owner: 201 };
const staffOnBooking = (status: number) => ({
  anonymous: 401,
  guest: 404,
  pending: 403,
  member: 404,
  admin: status,
  owner: status,
});

const ownerOnly = { anonymous: 401, guest: 403, pending: 403, member: 403, admin: 403, owner: 200 };

/** Every REST endpoint × every kind of caller → the status it must answer. */
const matrix: Record<string, Row> = {
  "GET /status": { request: async () => ({ path: "/status" }), expected: everyone(200) },
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
    expected: { anonymous: 401, guest: 403, pending: 403, member: 200, admin: 200, owner: 200 },
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
    expected: { anonymous: 401, guest: 403, pending: 403, member: 403, admin: 200, owner: 200 },
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

describe("authorization matrix", () => {
  test("every REST endpoint has a row (a new endpoint must be added here)", () => {
    const endpoints = restRoutes.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(endpoints.filter((endpoint) => !(endpoint in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((endpoint) => !endpoints.includes(endpoint))).toEqual([]);
  });

  for (const [endpoint, row] of Object.entries(matrix)) {
    test(`${endpoint}`, async () => {
      const [method = "GET"] = endpoint.split(" ");
      const actual: Record<string, number> = {};
      for (const principal of principals) {
        const options = headersFor(principal, await credentialsOf(principal));
        const request = await row.request({ principal, options });
        const response = await call(method, request.path, {
          ...options,
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        actual[principal] = response.status;
      }
      expect(actual).toEqual(row.expected);
    });
  }
});
