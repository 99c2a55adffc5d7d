import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyConnectionLimit, maxConnections, serverOptions } from "./server-limits.ts";

// A server set up as server.ts sets up the api's (the same options, the same limit).
let server: Server;
let port: number;

beforeAll(async () => {
  server = await new Promise<Server>((resolve) => {
    const started = serve(
      { fetch: () => new Response("ok"), hostname: "127.0.0.1", port: 0, serverOptions },
      () => resolve(started as Server),
    ) as Server;
    applyConnectionLimit(started);
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Writes `text`, collects what comes back until the server closes the connection. */
function exchange(text: string): {
  socket: Socket;
  closed: Promise<{ reply: string; ms: number }>;
} {
  const socket = connect(port, "127.0.0.1");
  const started = performance.now();
  let reply = "";
  socket.on("data", (chunk) => {
    reply += chunk.toString("latin1");
  });
  socket.on("error", () => {});
  socket.write(text);
  const closed = new Promise<{ reply: string; ms: number }>((resolve) =>
    socket.on("close", () => resolve({ reply, ms: performance.now() - started })),
  );
  return { socket, closed };
}

describe("HTTP server limits", () => {
  test("headers over 16 KiB are answered 431 and the connection closed", async () => {
    const { closed } = exchange(
      `GET / HTTP/1.1\r\nHost: x\r\nX-Filler: ${"a".repeat(20 * 1024)}\r\n\r\n`,
    );
    const { reply } = await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 431 /);
  });

  test("a client that never finishes its headers is cut off after the headers timeout", async () => {
    const { closed } = exchange("GET / HTTP/1.1\r\nHost: x\r\n");
    const { reply, ms } = await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(serverOptions.headersTimeout - 100);
    // Checked every second, so well before Node's default of 60 s (checked every 30 s).
    expect(ms).toBeLessThan(serverOptions.headersTimeout + 5_000);
  }, 30_000);

  test("the number of connections is bounded", () => {
    expect(server.maxConnections).toBe(maxConnections);
  });

  test("a well-behaved request is served", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.text()).toBe("ok");
  });
});
