import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpDoor {
  /** The target's URL with host and port of the door. */
  url: string;
  /** Connections that arrived so far, let through or not. */
  readonly attempts: number;
  /** Cuts the connections it carries and refuses new ones at once, as a stopped server. */
  shut(): void;
  /** Takes no connection further, nor closes one: a frozen server, or packets dropped. */
  freeze(): void;
  /** Lets connections through again. */
  open(): void;
  close(): Promise<void>;
}

/**
 * A TCP door in front of a database (or any server) on loopback, for tests of what a
 * client does while its server goes away and comes back, without stopping the server
 * that other tests share.
 */
export async function openTcpDoor(targetUrl: string): Promise<TcpDoor> {
  const target = new URL(targetUrl);
  let state: "open" | "shut" | "frozen" = "open";
  let attempts = 0;
  /** Each connection let through, with its upstream half. */
  const carried = new Map<Socket, Socket>();
  const held = new Set<Socket>();
  const server: Server = createServer((client) => {
    attempts += 1;
    if (state === "shut") {
      client.destroy();
      return;
    }
    if (state === "frozen") {
      held.add(client);
      client.on("error", () => held.delete(client));
      return;
    }
    const upstream = connect(Number(target.port || 5432), target.hostname);
    carried.set(client, upstream);
    const end = () => {
      carried.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(typeof address === "object" && address ? address.port : 0);
  const cut = () => {
    for (const [client, upstream] of carried) {
      client.destroy();
      upstream.destroy();
    }
    carried.clear();
    for (const socket of held) socket.destroy();
    held.clear();
  };
  return {
    url: url.toString(),
    get attempts() {
      return attempts;
    },
    shut() {
      state = "shut";
      cut();
    },
    freeze() {
      state = "frozen";
      for (const [client, upstream] of carried) {
        client.pause();
        upstream.pause();
      }
    },
    open() {
      state = "open";
      for (const [client, upstream] of carried) {
        client.resume();
        upstream.resume();
      }
      for (const socket of held) socket.destroy();
      held.clear();
    },
    close: async () => {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
