import { connect } from "node:net";

/**
 * Sends `head` (and `body`, written in 64 kB pieces as the server takes them) on a new
 * connection and returns the status line's code and the reply's first bytes once the
 * server answers and closes, or after 15 s. For requests node:http would refuse to send.
 */
export function rawRequest(
  url: string,
  head: string,
  body?: Buffer,
): Promise<{ status: number; reply: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let reply = "";
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? 0), reply });
    };
    const timer = setTimeout(finish, 15_000);
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString("latin1");
      // Answered: no need to wait for the rest of a body the server no longer reads.
      if (/\r\n\r\n/.test(reply) && /content-length: *(\d+)/i.test(reply)) {
        const length = Number(/content-length: *(\d+)/i.exec(reply)?.[1]);
        if (reply.length - reply.indexOf("\r\n\r\n") - 4 >= length) finish();
      }
    });
    socket.on("close", finish);
    socket.on("error", () => {
      // The server may reset a connection whose body it refused: the reply so far stands.
    });
    socket.write(head);
    if (body) {
      let offset = 0;
      const pump = () => {
        while (offset < body.length) {
          const piece = body.subarray(offset, offset + 65_536);
          offset += piece.length;
          if (!socket.write(piece)) return void socket.once("drain", pump);
        }
      };
      pump();
    }
  });
}
