import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { activeUser, newPerson, ownerToken } from "../../test/accounts.ts";
import { restClient } from "../../test/http-client.ts";
import { insertFailedNotification } from "../../test/outbox.ts";
import { caughtUp } from "../../test/projections.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);
const failedNotification = (to: string, createdAt?: Date) =>
  insertFailedNotification(server().deps.database.db, to, createdAt);

interface Notification {
  id: string;
  kind: string;
  to: string;
  status: string;
  attempts: number;
  userId?: string;
  lastError?: string;
}
type Page = { items: Notification[]; nextCursor: string | null };

describe("the outbox for admins", () => {
  test("only admins read it; an approval shows up addressed to the approved person", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    expect((await call("GET", "/notifications")).status).toBe(401);
    expect((await call("GET", "/notifications", { token: member.token })).status).toBe(403);
    await caughtUp(server().url, "notifications");
    const page = await call<Page>("GET", "/notifications?limit=200", { token: owner });
    expect(page.status).toBe(200);
    const mine = page.body.items.filter((item) => item.userId === member.id);
    expect(mine.map((item) => [item.kind, item.to])).toEqual([
      ["account_approved", member.person.email],
    ]);
  });

  test("filters by status and pages newest first; a bad status or cursor is 400", async () => {
    const owner = await ownerToken(call);
    // A second apart, so that "newest first" has one answer (ids break ties at random).
    const first = await failedNotification(newPerson("first").email, new Date(Date.now() - 1000));
    const second = await failedNotification(newPerson("second").email);
    const page1 = await call<Page>("GET", "/notifications?status=failed&limit=1", { token: owner });
    expect(page1.body.items.map((item) => item.id)).toEqual([second]);
    expect(page1.body.items[0]).toMatchObject({ status: "failed", attempts: 8 });
    expect(page1.body.items[0]?.lastError).toContain("ECONNREFUSED");
    const page2 = await call<Page>(
      "GET",
      `/notifications?status=failed&limit=1&cursor=${page1.body.nextCursor}`,
      { token: owner },
    );
    expect(page2.body.items.map((item) => item.id)).toEqual([first]);
    expect((await call("GET", "/notifications?status=lost", { token: owner })).status).toBe(400);
    expect((await call("GET", "/notifications?cursor=nonsense", { token: owner })).status).toBe(
      400,
    );
  });

  test("a failed mail goes back to pending on retry; anything else is 409, an unknown id 404", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const id = await failedNotification(newPerson("retry").email);
    expect((await call("POST", `/notifications/${id}/retry`, { token: member.token })).status).toBe(
      403,
    );
    const retried = await call<{ notification: Notification }>(
      "POST",
      `/notifications/${id}/retry`,
      { token: owner },
    );
    expect(retried.status).toBe(200);
    expect(retried.body.notification).toMatchObject({ id, status: "pending" });
    const row = await server()
      .deps.database.db.selectFrom("notifications")
      .select(["attempts", "attempts_at_requeue"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.attempts_at_requeue).toBe(row.attempts);
    const again = await call<{ error: { code: string; details: { status: string } } }>(
      "POST",
      `/notifications/${id}/retry`,
      { token: owner },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("INVALID_STATE");
    expect(
      (await call("POST", `/notifications/${randomUUID()}/retry`, { token: owner })).status,
    ).toBe(404);
    expect((await call("POST", "/notifications/not-an-id/retry", { token: owner })).status).toBe(
      400,
    );
  });
});

describe("the reactor among the projections", () => {
  type Projection = { name: string; state: string; tables: string[] };

  test("is listed with its table, cannot be rebuilt (it would mail again), and is resumed after a failure", async () => {
    const owner = await ownerToken(call);
    const listed = await call<{ items: Projection[] }>("GET", "/projections", { token: owner });
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        name: "notifications",
        state: "running",
        tables: ["notifications"],
      }),
    );
    const rebuild = await call<{ error: { code: string } }>(
      "POST",
      "/projections/notifications/rebuild",
      { token: owner },
    );
    expect(rebuild.status).toBe(409);
    expect(rebuild.body.error.code).toBe("INVALID_STATE");

    // What a handler's failure leaves: the subscription stopped, with its reason.
    await server().deps.database.pool.query(
      "UPDATE eventstore_subscriptions SET failure = 'boom', failed_at = now() WHERE name = 'notifications'",
    );
    const failed = await call<{ items: Projection[] }>("GET", "/projections", { token: owner });
    expect(failed.body.items.find((item) => item.name === "notifications")?.state).toBe("failed");
    const retried = await call<{ projection: Projection }>(
      "POST",
      "/projections/notifications/retry",
      { token: owner },
    );
    expect(retried.status).toBe(200);
    expect(retried.body.projection.state).toBe("running");
  });
});
