import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, test } from "vitest";
import { useCliAgainstApi } from "../test/cli-against-api.ts";

const { booking, database, url, token } = useCliAgainstApi("outbox");

async function post(path: string, body: unknown, bearer = token()) {
  return fetch(`${url()}/api/v1${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
}

/** A mail the sender gave up on, written as the sender leaves one. */
async function failedNotification(to: string): Promise<string> {
  const client = new pg.Client({ connectionString: database().url });
  await client.connect();
  try {
    const id = randomUUID();
    const eventId = randomUUID();
    await client.query(
      `INSERT INTO notifications (id, kind, event_id, recipient, language, message_id, status,
         due_at, next_attempt_at, attempts, last_error)
       VALUES ($1, 'account_approved', $2, $3, 'en', $4, 'failed', now(), now(), 8,
         'connect ECONNREFUSED 127.0.0.1:25')`,
      [id, eventId, to, `<account-approved.${eventId}.guest@example.com>`],
    );
    return id;
  } finally {
    await client.end();
  }
}

describe("booking outbox", () => {
  test("lists the mails, newest first: an approval is there, addressed to the new member", async () => {
    const registered = await post("/auth/register", {
      email: "mara@example.com",
      password: "mara password 1",
      name: "Mara",
    });
    const { user } = (await registered.json()) as { user: { id: string } };
    expect((await post(`/users/${user.id}/approve`, {})).status).toBe(200);
    let listed = await booking(["outbox"]);
    for (let tries = 0; !listed.stdout.includes("mara@example.com") && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      listed = await booking(["outbox"]);
    }
    expect(listed.code, listed.stderr).toBe(0);
    const row = listed.stdout.split("\n").find((line) => line.includes("mara@example.com"));
    expect(row).toMatch(/account_approved/);
    const json = JSON.parse((await booking(["outbox", "--json"])).stdout) as {
      items: { to: string; kind: string }[];
    };
    expect(json.items).toContainEqual(
      expect.objectContaining({ to: "mara@example.com", kind: "account_approved" }),
    );
  });

  test("shows failed mails with their error and sends one again; a bad status or id is a usage error", async () => {
    const id = await failedNotification("lost@example.com");
    const failed = await booking(["outbox", "--status", "failed"]);
    expect(failed.code, failed.stderr).toBe(0);
    const line = failed.stdout.split("\n").find((each) => each.startsWith(id));
    expect(line).toContain("ECONNREFUSED");
    const retried = await booking(["outbox", "retry", id]);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout).toContain("pending again");
    // A mail that went out is not sent again.
    const sent = JSON.parse((await booking(["outbox", "--status", "sent", "--json"])).stdout) as {
      items: { id: string }[];
    };
    const sentId = sent.items[0]?.id ?? "";
    const again = await booking(["outbox", "retry", sentId]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/only a failed notification can be retried; this one is sent/i);
    expect((await booking(["outbox", "--status", "lost"])).stderr).toMatch(
      /--status must be one of pending, sent, failed, cancelled/,
    );
    expect((await booking(["outbox", "retry", "nope"])).stderr).toMatch(/not a notification id/);
  });
});
