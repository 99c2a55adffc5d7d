import { errorEnvelopeSchema, userSchema } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { activeUser, loginAs, newPerson, ownerToken } from "../../test/accounts.ts";
import { weekdayAt10 } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";
import { signToken } from "../identity/signed-token.ts";

const server = useTestServer();
const call = restClient(() => server().url);

describe("registration and approval", () => {
  test("registration answers 201 with a pending user; login waits for approval", async () => {
    const person = newPerson();
    const registered = await call<{ user: unknown }>("POST", "/auth/register", {
      body: { ...person, email: `  ${person.email.toUpperCase()} ` },
    });
    expect(registered.status).toBe(201);
    const user = userSchema.parse(registered.body.user);
    expect(user).toMatchObject({
      email: person.email,
      name: person.name,
      role: "member",
      status: "pending",
    });

    const pending = await call("POST", "/auth/login", {
      body: { email: person.email, password: person.password },
    });
    expect(pending.status).toBe(403);
    expect(errorEnvelopeSchema.parse(pending.body).error.code).toBe("ACCOUNT_PENDING");

    const owner = await ownerToken(call);
    const approved = await call<{ user: { status: string } }>("POST", `/users/${user.id}/approve`, {
      token: owner,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.user.status).toBe("active");
    const token = await loginAs(call, person.email, person.password);
    const me = await call<{ user: { id: string } }>("GET", "/me", { token });
    expect(me.body.user.id).toBe(user.id);
  });

  test("an address registers once, whatever its case, also when two try at once", async () => {
    const person = newPerson();
    const attempts = await Promise.all([
      call("POST", "/auth/register", { body: person }),
      call("POST", "/auth/register", { body: { ...person, email: person.email.toUpperCase() } }),
      call("POST", "/auth/register", { body: person }),
    ]);
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([201, 409, 409]);
    const refused = attempts.find((attempt) => attempt.status === 409);
    expect(errorEnvelopeSchema.parse(refused?.body).error.code).toBe("EMAIL_TAKEN");
  });

  test("bad registrations are 400 VALIDATION_FAILED naming the fields", async () => {
    const response = await call("POST", "/auth/register", {
      body: { email: "not-an-address", password: "short", name: "" },
    });
    expect(response.status).toBe(400);
    const { error } = errorEnvelopeSchema.parse(response.body);
    expect(Object.keys(error.details ?? {}).sort()).toEqual(["email", "name", "password"]);
  });

  test("a rejection needs a reason and ends the registration", async () => {
    const person = newPerson();
    const { body } = await call<{ user: { id: string } }>("POST", "/auth/register", {
      body: person,
    });
    const owner = await ownerToken(call);
    expect(
      (await call("POST", `/users/${body.user.id}/reject`, { token: owner, body: {} })).status,
    ).toBe(400);
    const rejected = await call<{ user: { status: string } }>(
      "POST",
      `/users/${body.user.id}/reject`,
      {
        token: owner,
        body: { reason: "not a family member" },
      },
    );
    expect(rejected.body.user.status).toBe("rejected");
    const login = await call("POST", "/auth/login", {
      body: { email: person.email, password: person.password },
    });
    expect(errorEnvelopeSchema.parse(login.body).error.code).toBe("ACCOUNT_DISABLED");
    const again = await call("POST", `/users/${body.user.id}/approve`, { token: owner });
    expect(again.status).toBe(409);
    expect(errorEnvelopeSchema.parse(again.body).error).toMatchObject({
      code: "INVALID_STATE",
      details: { current: "rejected" },
    });
  });

  test("the pending queue lists pending users, paged with a cursor", async () => {
    const owner = await ownerToken(call);
    for (let i = 0; i < 3; i++) await call("POST", "/auth/register", { body: newPerson("queue") });
    const first = await call<{ items: { status: string }[]; nextCursor: string | null }>(
      "GET",
      "/users?status=pending&limit=2",
      { token: owner },
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.every((user) => user.status === "pending")).toBe(true);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call<{ items: { id: string }[] }>(
      "GET",
      `/users?status=pending&limit=2&cursor=${first.body.nextCursor}`,
      { token: owner },
    );
    expect(second.body.items.length).toBeGreaterThan(0);
    expect((await call("GET", "/users?cursor=garbage", { token: owner })).status).toBe(400);
    expect((await call("GET", "/users?limit=500", { token: owner })).status).toBe(400);
  });
});

describe("login and tokens", () => {
  test("an unknown address and a wrong password answer exactly the same", async () => {
    const { person } = await activeUser(call);
    const unknown = await call("POST", "/auth/login", {
      body: { email: "nobody@example.org", password: person.password },
    });
    const wrong = await call("POST", "/auth/login", {
      body: { email: person.email, password: "wrong password!" },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (body: unknown) => ({ ...errorEnvelopeSchema.parse(body).error, requestId: "" });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
  });

  test("login sets an HttpOnly SameSite=Lax cookie that works like the token", async () => {
    const { person } = await activeUser(call);
    const response = await fetch(`${server().url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: person.email, password: person.password }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^booking_session=[^;]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const sessionCookie = cookie.split(";")[0] ?? "";
    const me = await fetch(`${server().url}/api/v1/me`, { headers: { Cookie: sessionCookie } });
    expect(me.status).toBe(200);
  });

  test("a cookie session cannot be used by another site to change anything (CSRF)", async () => {
    const { person } = await activeUser(call);
    const login = await fetch(`${server().url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: person.email, password: person.password }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const forged = await call("POST", "/me/tokens", {
      body: { name: "evil" },
      headers: { Cookie: cookie, Origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    const host = new URL(server().url).host;
    const own = await call("POST", "/me/tokens", {
      body: { name: "mine" },
      headers: { Cookie: cookie, Origin: `http://${host}` },
    });
    expect(own.status).toBe(201);
  });

  test("logout revokes the session token", async () => {
    const { token } = await activeUser(call);
    expect((await call("GET", "/me", { token })).status).toBe(200);
    expect((await call("POST", "/auth/logout", { token })).status).toBe(204);
    expect((await call("GET", "/me", { token })).status).toBe(401);
    expect((await call("POST", "/auth/logout")).status).toBe(204);
  });

  test("tampered, expired and foreign tokens are 401", async () => {
    const { id, token } = await activeUser(call);
    const [kind, payload, signature] = token.split(".") as [string, string, string];
    const flipped = `${kind}.${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    const key = server().deps.secrets.tokenSigningKey;
    const sessionId = JSON.parse(Buffer.from(payload, "base64url").toString()).id as string;
    const expired = signToken(key, "session", {
      id: sessionId,
      subject: id,
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    const foreign = signToken(Buffer.alloc(32, 1), "session", {
      id: sessionId,
      subject: id,
      expiresAt: 4_000_000_000,
    });
    const otherUser = signToken(key, "session", {
      id: sessionId,
      subject: crypto.randomUUID(),
      expiresAt: 4_000_000_000,
    });
    for (const bad of [flipped, expired, foreign, otherUser, "garbage", "bkt_00_nope"]) {
      const response = await call("GET", "/me", { token: bad });
      expect(response.status, bad).toBe(401);
      expect(errorEnvelopeSchema.parse(response.body).error.code).toBe("UNAUTHENTICATED");
    }
    const notBearer = await call("GET", "/me", { headers: { Authorization: "Basic abc" } });
    expect(notBearer.status).toBe(401);
  });

  test("personal API tokens: created once, listed without secret, usable, revocable", async () => {
    const { token } = await activeUser(call);
    const created = await call<{ id: string; token: string }>("POST", "/me/tokens", {
      token,
      body: { name: "backup script" },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^bkt_/);
    const listed = await call<{ items: { id: string; name: string }[] }>("GET", "/me/tokens", {
      token,
    });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, name: "backup script" }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await call("GET", "/me", { token: created.body.token })).status).toBe(200);
    const stored = await server()
      .deps.database.db.selectFrom("api_tokens")
      .select((eb) => eb.cast<string>("secret_hash", "text").as("h"))
      .where("id", "=", created.body.id)
      .executeTakeFirst();
    expect(String(stored?.h)).not.toContain(created.body.token.split("_").at(-1));
    expect((await call("DELETE", `/me/tokens/${created.body.id}`, { token })).status).toBe(204);
    expect((await call("GET", "/me", { token: created.body.token })).status).toBe(401);
    expect((await call("DELETE", `/me/tokens/${created.body.id}`, { token })).status).toBe(404);
  });

  test("a disabled user's credentials stop working; enabling restores them", async () => {
    const { id, token } = await activeUser(call);
    const owner = await ownerToken(call);
    expect((await call("POST", `/users/${id}/disable`, { token: owner })).status).toBe(200);
    const refused = await call("GET", "/me", { token });
    expect(refused.status).toBe(403);
    expect(errorEnvelopeSchema.parse(refused.body).error.code).toBe("ACCOUNT_DISABLED");
    expect((await call("POST", `/users/${id}/enable`, { token: owner })).status).toBe(200);
    expect((await call("GET", "/me", { token })).status).toBe(200);
  });

  test("an admin cannot touch the owner, a member cannot administer", async () => {
    const admin = await activeUser(call, "admin");
    const member = await activeUser(call);
    const owner = await call<{ user: { id: string } }>("GET", "/me", {
      token: await ownerToken(call),
    });
    const ownerId = owner.body.user.id;
    expect((await call("POST", `/users/${ownerId}/disable`, { token: admin.token })).status).toBe(
      403,
    );
    expect(
      (
        await call("POST", `/users/${ownerId}/role`, {
          token: admin.token,
          body: { role: "member" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call("POST", `/users/${member.id}/disable`, { token: member.token })).status,
    ).toBe(403);
    expect((await call("GET", "/users", { token: member.token })).status).toBe(403);
  });
});

describe("a guest's manage token", () => {
  test("is no account: GET /me with it answers 401 UNAUTHENTICATED, not 403", async () => {
    const owner = await ownerToken(call);
    const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
    const guest = { name: "Gita Gast", email: "gita@example.org", phone: "+49 170 7654321" };
    const created = await call<{ booking: { id: string }; manageToken: string }>(
      "POST",
      "/bookings",
      { body: { offeringId, start: weekdayAt10(12), guests: 1, guest } },
    );
    expect(created.status).toBe(201);
    const headers = { "X-Booking-Token": created.body.manageToken };
    // The token is good where it belongs, so the answer of /me is about the account it is not.
    const own = await call("GET", `/bookings/${created.body.booking.id}`, { headers });
    expect(own.status).toBe(200);

    // 401, not 403: the caller is nobody /me knows, rather than someone who may not look.
    const me = await call("GET", "/me", { headers });
    expect(me.status).toBe(401);
    expect(errorEnvelopeSchema.parse(me.body).error.code).toBe("UNAUTHENTICATED");
  });
});

describe("a stale session cookie", () => {
  test("is treated as logged out and cleared, so the browser can log in again", async () => {
    const { person } = await activeUser(call);
    const login = await fetch(`${server().url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: person.email, password: person.password }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const host = new URL(server().url).host;
    const headers = { Cookie: cookie, Origin: `http://${host}` };
    expect((await call("POST", "/auth/logout", { headers })).status).toBe(204);

    const status = await call("GET", "/status", { headers });
    expect(status.status).toBe(200);
    expect(status.headers.get("set-cookie")).toMatch(/^booking_session=;.*Max-Age=0/);
    expect((await call("GET", "/me", { headers })).status).toBe(401);
    const again = await call("POST", "/auth/login", {
      headers,
      body: { email: person.email, password: person.password },
    });
    expect(again.status).toBe(200);
  });

  test("erasing clears the cookie", async () => {
    const { token } = await activeUser(call);
    const erased = await call("DELETE", "/me", { token });
    expect(erased.headers.get("set-cookie")).toMatch(/^booking_session=;/);
  });
});

describe("ownership transfer", () => {
  test("the owner hands ownership over and becomes admin; there is always exactly one owner", async () => {
    const owner = await ownerToken(call);
    const successor = await activeUser(call);
    const me = await call<{ user: { id: string } }>("GET", "/me", { token: owner });
    const admin = await activeUser(call, "admin");
    expect(
      (
        await call("POST", `/users/${successor.id}/role`, {
          token: admin.token,
          body: { role: "owner" },
        })
      ).status,
    ).toBe(403);

    const transferred = await call<{ user: { role: string } }>(
      "POST",
      `/users/${successor.id}/role`,
      {
        token: owner,
        body: { role: "owner" },
      },
    );
    expect(transferred.status).toBe(200);
    expect(transferred.body.user.role).toBe("owner");
    const formerOwner = await call<{ user: { role: string } }>("GET", "/me", { token: owner });
    expect(formerOwner.body.user).toMatchObject({ id: me.body.user.id, role: "admin" });
    const owners = await server()
      .deps.database.db.selectFrom("users")
      .select("id")
      .where("role", "=", "owner")
      .execute();
    expect(owners).toHaveLength(1);

    // And back, so the other tests of this file keep their owner.
    const back = await call("POST", `/users/${me.body.user.id}/role`, {
      token: successor.token,
      body: { role: "owner" },
    });
    expect(back.status).toBe(200);
  });
});
