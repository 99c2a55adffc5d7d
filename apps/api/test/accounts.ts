import { expect } from "vitest";
import type { restClient } from "./http-client.ts";
import { testOwner } from "./test-server.ts";

type Call = ReturnType<typeof restClient>;

let counter = 0;

/** A unique, valid registration. */
export function newPerson(label = "person") {
  counter += 1;
  const unique = `${label}-${process.pid}-${counter}-${Date.now()}`;
  return {
    email: `${unique}@example.org`,
    password: `password of ${unique}`,
    name: `Name ${unique}`,
    phone: `+49 30 ${String(1_000_000 + counter)}`,
  };
}

export async function loginAs(call: Call, email: string, password: string): Promise<string> {
  const response = await call<{ token: string }>("POST", "/auth/login", {
    body: { email, password },
  });
  expect(response.status).toBe(200);
  return response.body.token;
}

export function ownerToken(call: Call): Promise<string> {
  return loginAs(call, testOwner.email, testOwner.password);
}

/**
 * Registers (optionally with a mail language), approves (as the owner) and logs in;
 * optionally promotes to admin.
 */
export async function activeUser(
  call: Call,
  role: "member" | "admin" = "member",
  options: { language?: "de" | "en" } = {},
) {
  const person = newPerson(role);
  const registered = await call<{ user: { id: string } }>("POST", "/auth/register", {
    body: { ...person, ...options },
  });
  expect(registered.status).toBe(201);
  const owner = await ownerToken(call);
  const id = registered.body.user.id;
  expect((await call("POST", `/users/${id}/approve`, { token: owner })).status).toBe(200);
  if (role === "admin") {
    expect((await call("POST", `/users/${id}/role`, { token: owner, body: { role } })).status).toBe(
      200,
    );
  }
  return { id, person, token: await loginAs(call, person.email, person.password) };
}
