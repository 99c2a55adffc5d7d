import type { Kysely } from "kysely";
import { type MigrationProvider, Migrator } from "kysely/migration";
import { allMigrations } from "./migrations/index.ts";

export interface MigrationState {
  applied: number;
  pending: number;
}

// Migrations are frozen history: they run on whatever schema they find, so they take
// Kysely<any> (as Kysely's Migration does), never the typed Database of today.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type MigrationDb = Kysely<any>;

function createMigrator(db: MigrationDb): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations };
  return new Migrator({ db, provider });
}

/** Applies every pending migration; Kysely's migration lock keeps concurrent starts safe. */
export async function migrateToLatest(db: MigrationDb): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).map((result) => result.migrationName);
}

export async function readMigrationState(db: MigrationDb): Promise<MigrationState> {
  const migrations = await createMigrator(db).getMigrations();
  const applied = migrations.filter((migration) => migration.executedAt !== undefined).length;
  return { applied, pending: migrations.length - applied };
}
