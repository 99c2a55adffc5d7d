import { loadConfig } from "./config/config.ts";
import { openMigratedDatabase } from "./db/open-database.ts";
import { createLogger } from "./observability/logger.ts";

// `pnpm migrate`: applies pending migrations to the configured database and exits.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const { close } = await openMigratedDatabase(config, logger);
await close();
logger.info("database is up to date");
