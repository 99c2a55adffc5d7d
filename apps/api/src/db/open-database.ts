import type { Config } from "../config/config.ts";
import type { Logger } from "../observability/logger.ts";
import { connectDatabase, type Database } from "./database.ts";
import { startEmbeddedPostgres } from "./embedded/embedded-postgres.ts";
import { migrateToLatest } from "./migrator.ts";

export interface OpenDatabase {
  database: Database;
  /** Closes the pool, then stops the embedded server if this process started one. */
  close(): Promise<void>;
}

/** The configured database (embedded unless DATABASE_URL), migrated to the latest schema. */
export async function openMigratedDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
  // The process's main pool: its health decides whether requests reach the database at all.
  const database = connectDatabase(config.databaseUrl ?? embedded?.connectionString ?? "", logger, {
    watchHealth: {},
  });
  const close = async () => {
    await database.close();
    await embedded?.stop();
  };
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, "applied migrations");
  } catch (error) {
    await close();
    throw error;
  }
  return { database, close };
}
