import { join } from "node:path";
import pg from "pg";
import type { Config } from "../config/config.ts";
import { connectDatabase, type Database } from "../db/database.ts";
import { startEmbeddedPostgres } from "../db/embedded/embedded-postgres.ts";
import type { Logger } from "../observability/logger.ts";

/**
 * The configured database for a command that runs beside (or instead of) the api:
 * DATABASE_URL, or the embedded server under the data dir. An embedded server that is
 * already running belongs to an api and is only connected to; otherwise it is started for
 * the command and stopped after it. The connections carry `applicationName`, so a restore
 * can tell its own from others.
 */
export async function openOfflineDatabase(
  config: Config,
  logger: Logger,
  applicationName: string,
): Promise<{ database: Database; close(): Promise<void> }> {
  let url = config.databaseUrl;
  let stopServer = async () => {};
  if (!url) {
    const socketDir = join(config.dataDir, "postgres");
    if (await accepts(socketDir)) {
      url = `postgresql://postgres@localhost/booking?host=${encodeURIComponent(socketDir)}`;
    } else {
      const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
      url = embedded.connectionString;
      stopServer = embedded.stop;
    }
  }
  const database = connectDatabase(url, logger, { max: 3, applicationName });
  return {
    database,
    close: async () => {
      await database.close();
      await stopServer();
    },
  };
}

async function accepts(socketDir: string): Promise<boolean> {
  const client = new pg.Client({ host: socketDir, user: "postgres", database: "booking" });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
