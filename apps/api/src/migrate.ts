import { loadConfig } from "./config/config.ts";
import { connectDatabase } from "./db/database.ts";
import { startEmbeddedPostgres } from "./db/embedded/embedded-postgres.ts";
import { migrateToLatest } from "./db/migrator.ts";
import { createLogger } from "./observability/logger.ts";

// `pnpm migrate`: applies pending migrations to the configured database and exits.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
const database = connectDatabase(config.databaseUrl ?? embedded?.connectionString ?? "", logger);
try {
  const applied = await migrateToLatest(database.db);
  logger.info({ applied }, applied.length ? "migrations applied" : "database is up to date");
} finally {
  await database.close();
  await embedded?.stop();
}
