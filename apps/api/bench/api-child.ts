import { startServer } from "../src/app/server.ts";
import { loadConfig } from "../src/config/config.ts";

/**
 * The api as the benchmark runs it: its own process (so the load generator never shares
 * its event loop), the real composition root, configured from the environment like
 * `pnpm start` and bundled like it (api-process.ts builds dist/bench-api.js from this
 * file). It reports its URL and, on request, its memory over the IPC channel, because
 * with LOG_LEVEL=silent there is no "listening" log line to wait for.
 */
const server = await startServer(loadConfig());
process.send?.({ type: "listening", url: server.url });

process.on("message", (message: { type?: string }) => {
  if (message.type === "memory") {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send?.({
      type: "memory",
      rss,
      heapUsed,
      heapTotal,
      external,
      cpuMicros: user + system,
    });
  } else if (message.type === "stop") {
    // process.exit (not a bare return) so that --cpu-prof writes its profile.
    void server.stop().finally(() => process.exit(0));
  }
});
