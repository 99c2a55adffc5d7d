import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { openHouse, venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";
import { bookingJobs } from "./booking.jobs.ts";

const server = useTestServer();
const call = restClient(() => server().url);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function job(name: string) {
  const found = bookingJobs(server().deps).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no job ${name}`);
  return found;
}

describe("the hold expiry job", () => {
  test("expires a hold after its TTL with nobody calling, which frees the room; the hold cannot be submitted", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1);
    const member = await activeUser(call);
    const body = { offeringId, resourceIds, checkIn: inDays(50), checkOut: inDays(52), guests: 1 };
    const held = await call<{ booking: { id: string; holdExpiresAt: string } }>("POST", "/holds", {
      token: member.token,
      body,
    });
    expect(held.status).toBe(201);
    expect((await call("POST", "/bookings", { token: owner, body })).status).toBe(409);

    const beforeExpiry = new Date(Date.parse(held.body.booking.holdExpiresAt) - 1000);
    expect(await job("expire-holds").run(beforeExpiry)).toBe(0);
    const afterExpiry = new Date(Date.parse(held.body.booking.holdExpiresAt) + 1000);
    expect(await job("expire-holds").run(afterExpiry)).toBe(1);

    const detail = await call<{
      booking: { status: string };
      history: { type: string; actor: unknown }[];
    }>("GET", `/bookings/${held.body.booking.id}`, { token: member.token });
    expect(detail.body.booking.status).toBe("expired");
    expect(detail.body.history.at(-1)).toMatchObject({
      type: "HoldExpired",
      actor: { system: true },
    });
    const submit = await call("POST", "/bookings", {
      token: member.token,
      body: { holdId: held.body.booking.id },
    });
    expect(submit.status).toBe(422);
    expect((await call("POST", "/bookings", { token: owner, body })).status).toBe(201);
  });
});

describe("the completion job", () => {
  test("completes confirmed bookings once their end has passed, and only those", async () => {
    const owner = await ownerToken(call);
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 1, openHouse);
    const member = await activeUser(call);
    const created = await call<{ booking: { id: string; status: string; end: string } }>(
      "POST",
      "/bookings",
      {
        token: member.token,
        body: { offeringId, resourceIds, checkIn: inDays(3), checkOut: inDays(4), guests: 1 },
      },
    );
    expect(created.body.booking.status).toBe("confirmed");
    const end = Date.parse(created.body.booking.end);
    expect(await job("complete-bookings").run(new Date(end - 1000))).toBe(0);
    expect(await job("complete-bookings").run(new Date(end + 1000))).toBeGreaterThanOrEqual(1);
    const detail = await call<{ booking: { status: string } }>(
      "GET",
      `/bookings/${created.body.booking.id}`,
      { token: member.token },
    );
    expect(detail.body.booking.status).toBe("completed");
  });
});
