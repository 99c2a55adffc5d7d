import http from "node:http";

/**
 * The floor of a read: a bare node:http server that answers each path with the bytes the
 * api answered for it, computing nothing. The api's read figures are compared with this
 * one measured in the same run, on the same machine, with the same load generator.
 */
const bodies = new Map<string, Buffer>();

process.on("message", (message: { type: string; bodies?: Record<string, string> }) => {
  if (message.type === "bodies" && message.bodies) {
    for (const [path, body] of Object.entries(message.bodies)) {
      bodies.set(path, Buffer.from(body, "utf8"));
    }
    process.send?.({ type: "ready" });
  } else if (message.type === "stop") {
    process.exit(0);
  }
});

const server = http.createServer((request, response) => {
  const body = bodies.get(request.url ?? "");
  if (!body) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
  response.end(body);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") {
    process.send?.({ type: "listening", url: `http://127.0.0.1:${address.port}` });
  }
});
