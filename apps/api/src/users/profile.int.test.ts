import { errorEnvelopeSchema } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { activeUser, loginAs } from "../../test/accounts.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";

const server = useTestServer();
const call = restClient(() => server().url);

describe("my profile", () => {
  test("PATCH /me changes what is given; null clears phone and language", async () => {
    const { person, token } = await activeUser(call);
    const changed = await call<{ user: Record<string, unknown> }>("PATCH", "/me", {
      token,
      body: { name: "Anna Berg", language: "de" },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({
      name: "Anna Berg",
      language: "de",
      phone: person.phone,
    });
    const cleared = await call<{ user: Record<string, unknown> }>("PATCH", "/me", {
      token,
      body: { phone: null, language: null },
    });
    expect(cleared.body.user.phone).toBeUndefined();
    expect(cleared.body.user.language).toBeUndefined();
    expect(cleared.body.user.name).toBe("Anna Berg");
    const bad = await call("PATCH", "/me", { token, body: { name: null, language: "fr" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorEnvelopeSchema.parse(bad.body).error.details ?? {}).sort()).toEqual([
      "language",
      "name",
    ]);
  });

  test("changing the password needs the current one and ends the other sessions", async () => {
    const { person, token } = await activeUser(call);
    const otherSession = await loginAs(call, person.email, person.password);
    const wrong = await call("POST", "/me/password", {
      token,
      body: { currentPassword: "wrong password", newPassword: "brand new password" },
    });
    expect(wrong.status).toBe(403);
    const short = await call("POST", "/me/password", {
      token,
      body: { currentPassword: person.password, newPassword: "short" },
    });
    expect(short.status).toBe(400);
    const changed = await call("POST", "/me/password", {
      token,
      body: { currentPassword: person.password, newPassword: "brand new password" },
    });
    expect(changed.status).toBe(204);
    expect((await call("GET", "/me", { token })).status).toBe(200);
    expect((await call("GET", "/me", { token: otherSession })).status).toBe(401);
    const oldLogin = await call("POST", "/auth/login", {
      body: { email: person.email, password: person.password },
    });
    expect(oldLogin.status).toBe(401);
    await loginAs(call, person.email, "brand new password");
  });
});
