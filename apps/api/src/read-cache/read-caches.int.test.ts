import { transformer } from "@booking/contracts";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";
import type { AppRouter } from "../app/app-router.ts";
import { type RunningServer, startServer } from "../app/server.ts";

const server = useTestServer();
const call = restClient(() => server().url);
let second: RunningServer;
const secondCall = restClient(() => second.url);

beforeAll(async () => {
  second = await startServer(server().deps.config, {
    webRoot: undefined,
    logger: server().deps.logger,
  });
});
afterAll(async () => {
  await second?.stop();
});

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Retries `check` until it passes or `withinMs` passed; returns how long it took. */
async function eventually(check: () => Promise<void>, withinMs = 2000): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > withinMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

type Nights = { nights: { date: string; freeResourceIds: string[] }[] };

async function freeOn(through: typeof call, offeringId: string, date: string) {
  const response = await through<Nights>(
    "GET",
    `/offerings/${offeringId}/availability?from=${date}&to=${inDays(40)}`,
  );
  expect(response.status).toBe(200);
  return response.body.nights.find((night) => night.date === date)?.freeResourceIds ?? [];
}

describe("read caches stay current", () => {
  test("a repeated availability or slots read is answered without the database", async () => {
    const owner = await ownerToken(call);
    const stay = await venueWithOffering(call, owner, "stay", 2);
    const slot = await venueWithOffering(call, owner, "slot", 2);
    const paths = [
      `/offerings/${stay.offeringId}/availability?from=${inDays(3)}&to=${inDays(34)}`,
      `/offerings/${slot.offeringId}/slots?date=${inDays(8)}`,
    ];
    for (const path of paths) expect((await call("GET", path)).status).toBe(200);
    // Every query takes a connection first: pool.query and Kysely alike. The background
    // work of the process (projection runners and their supervisor polling the log, the
    // notifications reactor) takes a few a second too, so the reads are many and the bound
    // is far below one per read. Caches serve only while the process listens to the
    // database's changes (a loaded machine may take a moment to connect that listener):
    // the measurement is repeated until it has, for at most a few seconds.
    const rounds = 25;
    const connections = vi.spyOn(server().deps.database.pool, "connect");
    try {
      let perRun = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 20 && perRun >= (rounds * paths.length) / 10; run++) {
        connections.mockClear();
        for (let round = 0; round < rounds; round++) {
          for (const path of paths) expect((await call("GET", path)).status).toBe(200);
        }
        perRun = connections.mock.calls.length;
        if (perRun >= (rounds * paths.length) / 10) {
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
      expect(perRun).toBeLessThan((rounds * paths.length) / 10);
    } finally {
      connections.mockRestore();
    }
  });

  test("a booking shows at once in its own process's availability, and soon in the other's", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const night = inDays(30);
    // Both processes now hold the answer in their caches.
    expect(await freeOn(call, offeringId, night)).toEqual(resourceIds);
    expect(await freeOn(secondCall, offeringId, night)).toEqual(resourceIds);

    const booked = await call<{ booking: { id: string } }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId, resourceIds, checkIn: night, checkOut: inDays(31), guests: 1 },
    });
    expect(booked.status).toBe(201);
    expect(await freeOn(call, offeringId, night)).toEqual([]);
    await eventually(async () => expect(await freeOn(secondCall, offeringId, night)).toEqual([]));

    // And back, through the other process.
    const cancelled = await secondCall("DELETE", `/bookings/${booked.body.booking.id}`, {
      token: member.token,
    });
    expect(cancelled.status).toBe(200);
    expect(await freeOn(secondCall, offeringId, night)).toEqual(resourceIds);
    await eventually(async () =>
      expect(await freeOn(call, offeringId, night)).toEqual(resourceIds),
    );
  });

  test("a change made with SQL by hand reaches the cached answers", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const night = inDays(32);
    const booked = await call<{ booking: { id: string } }>("POST", "/bookings", {
      token: member.token,
      body: { offeringId, resourceIds, checkIn: night, checkOut: inDays(33), guests: 1 },
    });
    expect(booked.status).toBe(201);
    expect(await freeOn(call, offeringId, night)).toEqual([]);
    await server().deps.database.pool.query(
      "UPDATE reservations SET blocking = false WHERE booking_id = $1",
      [booked.body.booking.id],
    );
    await eventually(async () =>
      expect(await freeOn(call, offeringId, night)).toEqual(resourceIds),
    );
  });

  test("a catalog change in one process reaches the other's quotes and bookings", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const quoteBody = {
      offeringId,
      resourceIds,
      checkIn: inDays(50),
      checkOut: inDays(51),
      guests: 1,
    };
    const quoted = async (through: typeof call) => {
      const response = await through<{ price: { amount: number } }>("POST", "/quotes", {
        body: quoteBody,
      });
      expect(response.status).toBe(200);
      return response.body.price.amount;
    };
    const before = await quoted(secondCall);
    const changed = await call("PATCH", `/offerings/${offeringId}`, {
      token: owner,
      body: { price: { amount: 12_300, currency: "EUR" } },
    });
    expect(changed.status).toBe(200);
    expect(await quoted(call)).not.toBe(before);
    await eventually(async () => expect(await quoted(secondCall)).toBe(await quoted(call)));
  });

  test("a revoked API token is refused at once by its own process and soon by the other", async () => {
    const member = await activeUser(call);
    const created = await call<{ id: string; token: string }>("POST", "/me/tokens", {
      token: member.token,
      body: { name: "script" },
    });
    expect(created.status).toBe(201);
    const token = created.body.token;
    expect((await call("GET", "/me", { token })).status).toBe(200);
    expect((await secondCall("GET", "/me", { token })).status).toBe(200);

    const revoked = await call("DELETE", `/me/tokens/${created.body.id}`, {
      token: member.token,
    });
    expect(revoked.status).toBe(204);
    expect((await call("GET", "/me", { token })).status).toBe(401);
    await eventually(async () =>
      expect((await secondCall("GET", "/me", { token })).status).toBe(401),
    );
  });

  test("a disabled member is refused in both processes", async () => {
    const member = await activeUser(call);
    expect((await secondCall("GET", "/me", { token: member.token })).status).toBe(200);
    const owner = await ownerToken(call);
    const disabled = await call("POST", `/users/${member.id}/disable`, { token: owner });
    expect(disabled.status).toBe(200);
    // The session still says who calls; what changed is that this person may do nothing.
    expect((await call("GET", "/me", { token: member.token })).status).toBe(403);
    await eventually(async () =>
      expect((await secondCall("GET", "/me", { token: member.token })).status).toBe(403),
    );
  });

  test("the REST answer from the JSON cache equals the tRPC procedure's", async () => {
    const owner = await ownerToken(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 2);
    const trpc = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server().url}/trpc`, transformer })],
    });
    const from = inDays(8);
    const to = inDays(12);
    const rest = await call("GET", `/offerings/${offeringId}/availability?from=${from}&to=${to}`);
    expect(rest.status).toBe(200);
    expect(rest.headers.get("content-type")).toContain("application/json");
    const viaTrpc = await trpc.availability.forOffering.query({ offeringId, query: { from, to } });
    expect(rest.body).toEqual(viaTrpc);
    expect((rest.body as { slots: unknown[] }).slots.length).toBeGreaterThan(0);

    const slotsRest = await call("GET", `/offerings/${offeringId}/slots?date=${from}`);
    const slotsTrpc = await trpc.availability.slots.query({ offeringId, date: from });
    expect(slotsRest.body).toEqual(slotsTrpc);
  });
});
