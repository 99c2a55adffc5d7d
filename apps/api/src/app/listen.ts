import type { Server } from "node:http";
import { type AddressInfo, type Server as NetServer, createServer as netServer } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { applyConnectionLimit, maxConnections, serverOptions } from "../http/server-limits.ts";

/**
 * How many listening sockets share the port. Node accepts one connection per listening
 * socket per turn of its event loop (libuv stopped accepting in a loop, libuv#3696). While
 * the loop is busy answering a crowd, a turn takes tens of milliseconds, and 200 people
 * connecting at the same moment waited up to 1.3 s just to be accepted (`pnpm stress --
 * flash-crowd`), longer than their bookings took. With SO_REUSEPORT the kernel spreads new
 * connections over several sockets of this one process, so a turn accepts up to one per
 * socket. They all feed the one HTTP server, with its limits and timeouts.
 */
const listeningSockets = 8;

export interface Listening {
  server: Server;
  /** Every socket listening on the port: the server's own first. */
  sockets: readonly NetServer[];
  /** Stops accepting on every socket; open connections are the server's to close. */
  stopAccepting(): void;
}

export async function listen(
  fetch: Parameters<typeof createAdaptorServer>[0]["fetch"],
  host: string,
  port: number,
): Promise<Listening> {
  const server = createAdaptorServer({ fetch, serverOptions }) as Server;
  applyConnectionLimit(server);
  const shared = await listenOn(server, host, port, true).then(
    () => true,
    // Platforms without SO_REUSEPORT (macOS, older kernels) get the one socket.
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOTSUP" && error.code !== "EINVAL") throw error;
      await listenOn(server, host, port, false);
      return false;
    },
  );
  const extra: NetServer[] = [];
  if (shared) {
    const share = Math.ceil(maxConnections / listeningSockets);
    server.maxConnections = share;
    const { port: chosen } = server.address() as AddressInfo;
    for (let i = 1; i < listeningSockets; i++) {
      // As the HTTP server's own socket is set up: half-open allowed, no Nagle delay.
      const socket = netServer({ allowHalfOpen: true, noDelay: true }, (connection) =>
        server.emit("connection", connection),
      );
      socket.maxConnections = share;
      await listenOn(socket, host, chosen, true);
      extra.push(socket);
    }
  }
  return {
    server,
    sockets: [server, ...extra],
    stopAccepting() {
      for (const socket of extra) socket.close();
    },
  };
}

function listenOn(
  server: NetServer,
  host: string,
  port: number,
  reusePort: boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port, reusePort }, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
