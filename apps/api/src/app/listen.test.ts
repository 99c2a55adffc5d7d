import http from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { maxConnections, serverOptions } from "../http/server-limits.ts";
import { type Listening, listen } from "./listen.ts";

let listening: Listening;
let port: number;

beforeAll(async () => {
  listening = await listen(() => new Response("ok"), "127.0.0.1", 0);
  port = (listening.server.address() as AddressInfo).port;
});

afterAll(async () => {
  listening.stopAccepting();
  listening.server.closeAllConnections();
  await new Promise((resolve) => listening.server.close(resolve));
});

/** One request on a connection of its own, as a crowd of new visitors sends it. */
function onNewConnection(): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/", agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve(body));
    });
    request.on("error", reject);
  });
}

describe("several listening sockets on one port", () => {
  test("on Linux eight sockets share the port and, together, the connection bound", () => {
    expect(listening.sockets).toHaveLength(process.platform === "linux" ? 8 : 1);
    const bound = listening.sockets.reduce((sum, socket) => sum + socket.maxConnections, 0);
    expect(bound).toBeGreaterThanOrEqual(maxConnections);
    expect(bound).toBeLessThan(maxConnections + listening.sockets.length);
  });

  test("every new connection is served by the one HTTP server, whichever socket took it", async () => {
    const bodies = await Promise.all(Array.from({ length: 200 }, onNewConnection));
    expect(new Set(bodies)).toEqual(new Set(["ok"]));
  });

  test(
    "the server's timeouts reach connections taken by every socket",
    async () => {
      // Clients that never finish their headers, spread over the sockets by the kernel: each
      // gets the server's 408, however it was accepted.
      const replies = await Promise.all(
        Array.from(
          { length: 32 },
          () =>
            new Promise<string>((resolve) => {
              const socket = connect(port, "127.0.0.1");
              let reply = "";
              socket.on("data", (chunk) => {
                reply += chunk.toString("latin1");
              });
              socket.on("error", () => {});
              socket.on("close", () => resolve(reply));
              socket.write("GET / HTTP/1.1\r\nHost: x\r\n");
            }),
        ),
      );
      for (const reply of replies) expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    },
    serverOptions.headersTimeout + 10_000,
  );

  test("after stopAccepting, no socket takes a new connection", async () => {
    const other = await listen(() => new Response("ok"), "127.0.0.1", 0);
    const otherPort = (other.server.address() as AddressInfo).port;
    other.stopAccepting();
    await new Promise((resolve) => other.server.close(resolve));
    const attempts = await Promise.all(
      Array.from(
        { length: 32 },
        () =>
          new Promise<string>((resolve) => {
            const socket = connect(otherPort, "127.0.0.1");
            socket.on("connect", () => {
              socket.destroy();
              resolve("connected");
            });
            socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
          }),
      ),
    );
    expect(new Set(attempts)).toEqual(new Set(["ECONNREFUSED"]));
  });
});
