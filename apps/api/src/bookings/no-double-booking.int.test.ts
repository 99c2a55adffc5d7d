import { errorEnvelopeSchema } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";
import { startServer } from "../app/server.ts";

const server = useTestServer();
const call = restClient(() => server().url);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The next Wednesday at least a week ahead, 10:00 in Berlin (winter or summer time). */
function wednesdayAt10(): string {
  let date = new Date(Date.now() + 7 * 86_400_000);
  while (date.getUTCDay() !== 3) date = new Date(date.getTime() + 86_400_000);
  const day = date.toISOString().slice(0, 10);
  const offset = new Intl.DateTimeFormat("en", {
    timeZone: "Europe/Berlin",
    timeZoneName: "shortOffset",
  })
    .formatToParts(new Date(`${day}T10:00:00Z`))
    .find((part) => part.type === "timeZoneName")?.value;
  return new Date(
    Date.parse(`${day}T10:00:00Z`) - Number(offset?.replace("GMT", "") || 0) * 3_600_000,
  ).toISOString();
}

async function blockingReservationsOverlap(): Promise<number> {
  const { rows } = await server().deps.database.pool.query(
    `SELECT count(*)::int AS n FROM reservations a JOIN reservations b
       ON a.resource_id = b.resource_id AND a.booking_id < b.booking_id AND a.period && b.period
     WHERE a.blocking AND b.blocking`,
  );
  return rows[0].n;
}

describe("no double booking, whatever the concurrency", () => {
  test("200 concurrent requests for one room and overlapping nights: exactly one 201, 199 × 409", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call("POST", "/bookings", {
          token: member.token,
          body: {
            offeringId,
            resourceIds,
            checkIn: inDays(30 + (i % 3)),
            checkOut: inDays(33 + (i % 2)),
            guests: 1,
          },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(199);
    for (const refused of responses.filter((response) => response.status === 409)) {
      expect(errorEnvelopeSchema.parse(refused.body).error.code).toBe("SLOT_UNAVAILABLE");
    }
    expect(await blockingReservationsOverlap()).toBe(0);
  });

  test("the same with two api processes on one database", async () => {
    const second = await startServer(server().deps.config, {
      webRoot: undefined,
      logger: server().deps.logger,
    });
    try {
      const secondCall = restClient(() => second.url);
      const owner = await ownerToken(call);
      const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
      const member = await activeUser(call);
      const body = {
        offeringId,
        resourceIds,
        checkIn: inDays(40),
        checkOut: inDays(42),
        guests: 1,
      };
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          (i % 2 === 0 ? call : secondCall)("POST", "/bookings", { token: member.token, body }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    } finally {
      await second.stop();
    }
    expect(await blockingReservationsOverlap()).toBe(0);
  });

  test("slots with 3 bays: exactly 3 of 60 concurrent requests succeed, each on its own bay", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "slot", 3);
    const member = await activeUser(call);
    const start = wednesdayAt10();
    const responses = await Promise.all(
      Array.from({ length: 60 }, () =>
        call<{ booking: { resourceIds: string[] } }>("POST", "/bookings", {
          token: member.token,
          body: { offeringId, start, guests: 1 },
        }),
      ),
    );
    const created = responses.filter((response) => response.status === 201);
    const byStatus = Object.groupBy(responses, (response) => String(response.status));
    const counts = Object.fromEntries(
      Object.entries(byStatus).map(([status, group]) => [status, group?.length]),
    );
    expect({
      counts,
      other: responses.filter((r) => ![201, 409].includes(r.status))[0]?.body,
    }).toEqual({
      counts: { 201: 3, 409: 57 },
      other: undefined,
    });
    const bays = created.map((response) => response.body.booking.resourceIds[0]);
    expect(new Set(bays)).toEqual(new Set(resourceIds));
    expect(await blockingReservationsOverlap()).toBe(0);
  });
});
