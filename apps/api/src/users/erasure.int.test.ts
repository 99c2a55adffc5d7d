import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

/** Every row of every table of the database, as text: what a raw scan would see. */
async function dumpEveryTable(): Promise<string> {
  const pool = server().deps.database.pool;
  const { rows: tables } = await pool.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const dumps: string[] = [];
  for (const table of tables) {
    const { rows } = await pool.query(
      `SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`,
    );
    dumps.push(...rows.map((row: { row: string }) => row.row));
  }
  return dumps.join("\n");
}

describe("GDPR export and erasure", () => {
  test("the export lists every booking of the person, with notes and answers, oldest first", async () => {
    const owner = await ownerToken(call);
    const stay = await venueWithOffering(call, owner, "stay", 2);
    const { token } = await activeUser(call);
    const other = await activeUser(call);
    const inDays = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const book = async (who: string, room: string, from: number, notes: string) => {
      const response = await call<{ booking: { id: string } }>("POST", "/bookings", {
        token: who,
        body: {
          offeringId: stay.offeringId,
          resourceIds: [room],
          checkIn: inDays(from),
          checkOut: inDays(from + 2),
          guests: 1,
          notes,
        },
      });
      expect(response.status).toBe(201);
      return response.body.booking.id;
    };
    const first = await book(token, stay.resourceIds[0] ?? "", 60, "first stay, late arrival");
    const second = await book(token, stay.resourceIds[1] ?? "", 20, "second stay, with a dog");
    await book(other.token, stay.resourceIds[0] ?? "", 30, "someone else's stay");

    const exported = await call<{ bookings: { id: string; notes?: string }[] }>(
      "GET",
      "/me/export",
      { token },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.bookings.map((booking) => [booking.id, booking.notes])).toEqual([
      [first, "first stay, late arrival"],
      [second, "second stay, with a dog"],
    ]);
  });

  test("export holds the person's data; after DELETE /me no table holds it in clear", async () => {
    const { id, person, token } = await activeUser(call);
    const apiToken = await call<{ token: string }>("POST", "/me/tokens", {
      token,
      body: { name: "laptop" },
    });

    const exported = await call<Record<string, unknown>>("GET", "/me/export", { token });
    expect(exported.status).toBe(200);
    const exportText = JSON.stringify(exported.body);
    for (const value of [person.name, person.email, person.phone])
      expect(exportText).toContain(value);
    expect(exportText).not.toMatch(/argon2/);
    expect(exported.body.history).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "UserRegistered" })]),
    );

    const before = await dumpEveryTable();
    expect(before).toContain(person.email);

    expect((await call("DELETE", "/me", { token })).status).toBe(204);

    const after = await dumpEveryTable();
    for (const value of [person.name, person.email, person.phone])
      expect(after).not.toContain(value);
    expect(after).not.toContain(person.email.split("@")[0]);

    expect((await call("GET", "/me", { token })).status).toBe(401);
    expect((await call("GET", "/me", { token: apiToken.body.token })).status).toBe(401);
    const login = await call("POST", "/auth/login", {
      body: { email: person.email, password: person.password },
    });
    expect(login.status).toBe(401);

    const owner = await ownerToken(call);
    const listed = await call<{
      items: { id: string; name: string; email: string; status: string }[];
    }>("GET", "/users?status=erased", { token: owner });
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id, name: "erased", email: "erased", status: "erased" }),
    );
  });

  test("the address of an erased person can register again", async () => {
    const { person, token } = await activeUser(call);
    expect((await call("DELETE", "/me", { token })).status).toBe(204);
    expect((await call("POST", "/auth/register", { body: person })).status).toBe(201);
  });

  test("the owner cannot erase themself without handing ownership over", async () => {
    const owner = await ownerToken(call);
    const response = await call<{ error: { code: string; details: { rule: string } } }>(
      "DELETE",
      "/me",
      { token: owner },
    );
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: "RULE_VIOLATION",
      details: { rule: "OWNER_REQUIRED" },
    });
  });
});
