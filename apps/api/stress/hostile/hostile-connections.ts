import { connect, type Socket } from "node:net";

export type HostileKind = "idle" | "slow-headers" | "slow-body";

export interface HostileConnection {
  kind: HostileKind;
  /** Resolves when the server closed the connection: ms after it was opened, and the reply. */
  closed: Promise<{ ms: number; reply: string }>;
  /** Whether the server has closed it yet. */
  readonly open: boolean;
  destroy(): void;
}

/**
 * A client that holds a connection without ever finishing a request:
 * - `idle` connects and sends nothing;
 * - `slow-headers` (slow-loris) sends a request line and then one header line a second;
 * - `slow-body` sends complete headers announcing 100 kB and then 10 bytes a second.
 * It never gives up by itself: only the server's limits end it.
 */
export function openHostile(
  url: string,
  kind: HostileKind,
  /** Header lines for the slow body, e.g. `Authorization: Bearer …\r\n`, so the body is read. */
  headers = "",
): Promise<HostileConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname);
    const openedAt = performance.now();
    let reply = "";
    let open = true;
    let drip: NodeJS.Timeout | undefined;
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      if (reply.length < 200) reply += chunk.toString("latin1");
    });
    const closed = new Promise<{ ms: number; reply: string }>((done) =>
      socket.on("close", () => {
        open = false;
        clearInterval(drip);
        done({ ms: performance.now() - openedAt, reply });
      }),
    );
    let connected = false;
    socket.on("error", (error) => {
      // After connecting, a reset by the server is how some limits end a connection
      // (`close` follows); before, the connection could not be opened at all.
      if (!connected) reject(error);
    });
    socket.once("connect", () => {
      connected = true;
      if (kind === "slow-headers") {
        socket.write(`GET /api/v1/venues HTTP/1.1\r\nHost: ${hostname}\r\n`);
        let n = 0;
        drip = setInterval(() => socket.write(`X-Slow-${n++}: a\r\n`), 1000);
      } else if (kind === "slow-body") {
        socket.write(
          `POST /api/v1/bookings HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n${headers}\r\n{`,
        );
        drip = setInterval(() => socket.write(" ".repeat(10)), 1000);
      }
      resolve({
        kind,
        closed,
        get open() {
          return open;
        },
        destroy: () => socket.destroy(),
      });
    });
  });
}
