import { errorEnvelopeSchema } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { activeUser } from "../../test/accounts.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";
import { startServer } from "../app/server.ts";

const server = useTestServer({ env: { RATE_LIMIT_PER_MINUTE: "4" } });
const call = restClient(() => server().url);

/**
 * Fixed windows restart on the clock: a sequence that straddles a window's end would see
 * its count reset. Start every sequence well inside a window.
 */
async function awayFromWindowEdge(windowSeconds: number): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

function from(address: string) {
  return { headers: { "X-Forwarded-For": address } };
}

describe("the general rate limit (RATE_LIMIT_PER_MINUTE)", () => {
  test("the request over the limit is 429 RATE_LIMITED with Retry-After; others go on", async () => {
    await awayFromWindowEdge(60);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await call("GET", "/status", from("192.0.2.10"))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = await call("GET", "/status", from("192.0.2.10"));
    expect(errorEnvelopeSchema.parse(limited.body).error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect((await call("GET", "/status", from("192.0.2.11"))).status).toBe(200);
    expect((await fetch(`${server().url}/health`, from("192.0.2.10"))).status).toBe(200);
  });

  test("two api processes on one database share the count", async () => {
    await awayFromWindowEdge(60);
    const second = await startServer(server().deps.config, {
      webRoot: undefined,
      logger: server().deps.logger,
    });
    try {
      const secondCall = restClient(() => second.url);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await call("GET", "/status", from("192.0.2.20"))).status);
        statuses.push((await secondCall("GET", "/status", from("192.0.2.20"))).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await second.stop();
    }
  });

  test("the X-Forwarded-For entry that counts is the one the proxy appended", async () => {
    await awayFromWindowEdge(60);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const forged = `203.0.113.${i}, 192.0.2.30`;
      statuses.push((await call("GET", "/status", from(forged))).status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("the login limit", () => {
  const unlimited = useTestServer({ env: { RATE_LIMIT_PER_MINUTE: "0" } });
  const login = restClient(() => unlimited().url);

  test("failed guesses at one account from many addresses lock that account for a while", async () => {
    await awayFromWindowEdge(900);
    const { person } = await activeUser(login);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const wrong = await login("POST", "/auth/login", {
        body: { email: person.email, password: `guess ${i} wrong` },
      });
      statuses.push(wrong.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    const right = await login("POST", "/auth/login", {
      body: { email: person.email, password: person.password },
    });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("one address is limited across accounts", async () => {
    await awayFromWindowEdge(600);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const attempt = await login("POST", "/auth/login", {
        body: { email: `nobody-${i}@example.org`, password: "whatever it is" },
        ...from("198.51.100.7"),
      });
      statuses.push(attempt.status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
