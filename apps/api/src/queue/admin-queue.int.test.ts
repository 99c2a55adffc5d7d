import { describe, expect, test } from "vitest";
import { activeUser, newPerson, ownerToken } from "../../test/accounts.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Queue = {
  pendingBookings: { count: number; items: { id: string; status: string }[] };
  pendingUsers: { count: number; items: { id: string; status: string }[] };
};

describe("the admin's queue", () => {
  test("counts what waits and lists it oldest first; a decision takes it off at once", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    // A holiday home that needs approval: every request waits.
    const { offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 3);
    const requested: string[] = [];
    // Requested in this order, for stays in the opposite order: the queue goes by request.
    for (const [i, room] of resourceIds.entries()) {
      const created = await call<{ booking: { id: string; status: string } }>("POST", "/bookings", {
        token: member.token,
        body: {
          offeringId,
          resourceIds: [room],
          checkIn: inDays(60 - 10 * i),
          checkOut: inDays(62 - 10 * i),
          guests: 1,
        },
      });
      expect(created.body.booking.status).toBe("pending");
      requested.push(created.body.booking.id);
    }
    const registered: string[] = [];
    for (const label of ["first", "second"]) {
      const response = await call<{ user: { id: string } }>("POST", "/auth/register", {
        body: newPerson(label),
      });
      registered.push(response.body.user.id);
    }

    const before = await call<Queue>("GET", "/queue?limit=200", { token: owner });
    expect(before.status).toBe(200);
    const mine = (items: { id: string }[], ids: string[]) =>
      items.map((item) => item.id).filter((id) => ids.includes(id));
    expect(mine(before.body.pendingBookings.items, requested)).toEqual(requested);
    expect(mine(before.body.pendingUsers.items, registered)).toEqual(registered);
    expect(before.body.pendingBookings.items.every((b) => b.status === "pending")).toBe(true);
    expect(before.body.pendingBookings.count).toBeGreaterThanOrEqual(3);
    expect(before.body.pendingUsers.count).toBeGreaterThanOrEqual(2);

    await call("POST", `/bookings/${requested[0]}/confirm`, { token: owner });
    await call("POST", `/users/${registered[0]}/approve`, { token: owner });
    const after = await call<Queue>("GET", "/queue?limit=200", { token: owner });
    expect(after.body.pendingBookings.count).toBe(before.body.pendingBookings.count - 1);
    expect(after.body.pendingUsers.count).toBe(before.body.pendingUsers.count - 1);
    expect(mine(after.body.pendingBookings.items, requested)).toEqual(requested.slice(1));
    expect(mine(after.body.pendingUsers.items, registered)).toEqual(registered.slice(1));

    const limited = await call<Queue>("GET", "/queue?limit=1", { token: owner });
    expect(limited.body.pendingBookings.items).toHaveLength(1);
    expect(limited.body.pendingBookings.count).toBe(after.body.pendingBookings.count);
    expect((await call("GET", "/queue?limit=0", { token: owner })).status).toBe(400);
  });
});
