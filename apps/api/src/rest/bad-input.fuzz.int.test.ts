import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ownerToken } from "../../test/accounts.ts";
import {
  holidayHome,
  slotOffering,
  venueWithOffering,
  workshopVenue,
} from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";
import { restRoutes } from "../app/app-router.ts";

const server = useTestServer();
const call = restClient(() => server().url);

// Values that break naive code: wrong types, huge and negative numbers, unicode, SQL,
// impossible dates and zones, very long strings.
const nastyValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    -1,
    0,
    1e308,
    -1e308,
    2 ** 53 + 1,
    "",
    " ",
    "'; DROP TABLE users; --",
    "\u0000",
    "𝄞🎉\u202e",
    "2027-02-30",
    "9999-99-99",
    "2027-13-01T25:61:00Z",
    "Mars/Olympus",
    "../../etc/passwd",
    "x".repeat(5000),
    // Cursors that decode, but not to a key this API gave out.
    Buffer.from(JSON.stringify(["\u0000", "x"])).toString("base64url"),
    Buffer.from(JSON.stringify(["2027-13-01", "not-a-uuid"])).toString("base64url"),
    Buffer.from(JSON.stringify([-5])).toString("base64url"),
    [],
    {},
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
);

// Field names the API knows, so that bodies reach deeper than "unknown key".
const fieldName = fc.constantFrom(
  "offeringId",
  "resourceIds",
  "checkIn",
  "checkOut",
  "start",
  "guests",
  "guest",
  "notes",
  "holdId",
  "email",
  "password",
  "name",
  "phone",
  "reason",
  "role",
  "timeZone",
  "currency",
  "openingHours",
  "policies",
  "mode",
  "price",
  "slot",
  "stay",
  "capacity",
  "from",
  "to",
  "date",
  "limit",
  "cursor",
  "status",
  "near",
  "radiusKm",
);

const nastyBody = fc.oneof(
  fc.dictionary(fieldName, nastyValue, { maxKeys: 6 }),
  nastyValue,
  fc.jsonValue(),
);
const nastyQuery = fc.dictionary(
  fieldName,
  fc.oneof(fc.string({ maxLength: 30 }), nastyValue.map(String)),
  { maxKeys: 4 },
);
const nastyId = fc.oneof(
  fc.constantFrom(
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    "%27%20OR%201%3D1",
    "1e9",
    "-1",
  ),
  fc.uuid(),
);

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A valid request per endpoint. Mutating one field of it with a nasty value gives inputs
 * that pass most of the validation and reach deep into the handlers.
 */
function validInputs(ids: {
  venueId: string;
  offeringId: string;
  stayOfferingId: string;
  roomId: string;
}) {
  const booking = {
    offeringId: ids.stayOfferingId,
    resourceIds: [ids.roomId],
    checkIn: inDays(30),
    checkOut: inDays(32),
    guests: 2,
  };
  return {
    body: {
      "POST /auth/register": {
        email: "fuzz@example.org",
        password: "long enough password",
        name: "Fuzz",
      },
      "POST /auth/login": { email: "owner@example.org", password: "x" },
      "PATCH /me": { name: "Fuzz", language: "de" },
      "POST /me/password": { currentPassword: "x", newPassword: "another long password" },
      "POST /me/tokens": { name: "token" },
      "POST /users/:id/reject": { reason: "no" },
      "POST /users/:id/role": { role: "admin" },
      "POST /venues": workshopVenue(),
      "PATCH /venues/:id": { name: "Renamed", policies: holidayHome().policies },
      "POST /venues/:id/resources": { name: "Bay", kind: "bay", capacity: 1 },
      "PATCH /resources/:id": { capacity: 2 },
      "POST /venues/:id/offerings": slotOffering([ids.roomId]),
      "PATCH /offerings/:id": { price: { amount: 100, currency: "EUR" } },
      "POST /quotes": booking,
      "POST /holds": booking,
      "POST /bookings": booking,
      "PATCH /bookings/:id": { checkOut: inDays(33) },
      "DELETE /bookings/:id": { reason: "changed plans" },
      "POST /bookings/:id/reject": { reason: "no" },
    } as Record<string, Record<string, unknown>>,
    query: {
      "GET /offerings/:id/availability": { from: inDays(10), to: inDays(20), guests: "2" },
      "GET /offerings/:id/slots": { date: inDays(10) },
      "GET /venues": { postalCode: "10", near: "52.5,13.4", radiusKm: "50" },
      "GET /users": { status: "pending", limit: "10" },
      "GET /bookings": { status: "pending", from: inDays(1), to: inDays(90) },
    } as Record<string, Record<string, string>>,
  };
}

/** One field of a valid object replaced by a nasty value, removed, or an unknown one added. */
function mutated<T extends Record<string, unknown>>(valid: T) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...keys), nastyValue)
      .map(([key, value]) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _removed, ...rest } = valid;
      return rest;
    }),
    nastyValue.map((value) => ({ ...valid, unexpected: value })),
  );
}

/** Everything a bad request must not change (the rate-limit counters excepted). */
async function databaseFingerprint(): Promise<string> {
  const { rows } = await server().deps.database.pool.query(`SELECT
    (SELECT count(*) FROM eventstore_events) AS events,
    (SELECT count(*) FROM eventstore_subject_keys) AS subject_keys,
    (SELECT count(*) FROM users) AS users,
    (SELECT count(*) FROM sessions WHERE revoked_at IS NULL) AS live_sessions,
    (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL) AS live_tokens,
    (SELECT count(*) FROM venues) AS venues,
    (SELECT count(*) FROM resources) AS resources,
    (SELECT count(*) FROM offerings) AS offerings,
    (SELECT count(*) FROM bookings) AS bookings,
    (SELECT count(*) FROM reservations) AS reservations,
    (SELECT coalesce(sum(version), 0) FROM bookings) AS booking_versions`);
  return JSON.stringify(rows[0]);
}

describe("every REST endpoint answers generated bad input with a 4xx and changes nothing", () => {
  for (const route of restRoutes) {
    const endpoint = `${route.method.toUpperCase()} ${route.path}`;
    test(endpoint, async () => {
      const owner = await ownerToken(call);
      // A real API token, so that no generated request can end the session it runs under.
      const { body: created } = await call<{ token: string }>("POST", "/me/tokens", {
        token: owner,
        body: { name: "fuzz" },
      });
      const { offeringId, venueId } = await venueWithOffering(call, owner, "slot", 1);
      const stay = await venueWithOffering(call, owner, "stay", 1);
      const valid = validInputs({
        venueId,
        offeringId,
        stayOfferingId: stay.offeringId,
        roomId: stay.resourceIds[0] ?? "",
      });
      const validBody = valid.body[endpoint];
      const validQuery = valid.query[endpoint];
      const bodies = validBody ? fc.oneof(mutated(validBody), nastyBody) : nastyBody;
      const queries = validQuery
        ? fc.oneof(
            mutated(validQuery).map((q) =>
              Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])),
            ),
            nastyQuery,
          )
        : nastyQuery;
      const realId = route.path.startsWith("/offerings/")
        ? stay.offeringId
        : route.path.startsWith("/venues/")
          ? venueId
          : undefined;
      const ids = realId ? fc.oneof(fc.constant(realId), nastyId) : nastyId;
      await fc.assert(
        fc.asyncProperty(ids, queries, bodies, async (id, query, body) => {
          const path = route.path.replace(
            ":id",
            encodeURIComponent(
              route.path.startsWith("/offerings/") && id.length < 8 ? offeringId : id,
            ),
          );
          const search = new URLSearchParams(query).toString();
          const before = await databaseFingerprint();
          const response = await call(
            route.method.toUpperCase(),
            `${path}${search ? `?${search}` : ""}`,
            {
              token: created.token,
              ...(route.method === "get" ? {} : { body }),
            },
          );
          expect(
            response.status,
            `${endpoint} ${JSON.stringify({ id, query, body })}`,
          ).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.body).toMatchObject({
              error: { code: expect.any(String), requestId: expect.any(String) },
            });
            expect(await databaseFingerprint()).toBe(before);
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});
