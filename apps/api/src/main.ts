import { startServer } from "./app/server.ts";
import { webRootBesideApi } from "./app/web-root.ts";
import { ConfigError, loadConfig } from "./config/config.ts";

// The process entry point: configuration, start, and a clean stop on SIGINT/SIGTERM.
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  // `pnpm start` passes this: a newcomer's empty database gets the demo (BOOKING_DEMO=0 opts out).
  const server = await startServer(config, {
    demoWhenEmpty: process.argv.includes("--demo-when-empty"),
    webRoot: config.webRoot ?? webRootBesideApi(import.meta.url),
  });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.deps.logger.info({ signal }, "shutting down");
    try {
      await server.stop();
      process.exit(0);
    } catch (error) {
      server.deps.logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("booking api failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
