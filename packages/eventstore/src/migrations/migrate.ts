import type { Kysely } from "kysely";
import { type MigrationProvider, Migrator } from "kysely/migration";
import { eventStoreMigrations } from "./index.ts";

/** Applies only the event store's migrations (its own tests; the api runs all of them). */
export async function migrateEventStore(db: Kysely<unknown>): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => eventStoreMigrations };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}
