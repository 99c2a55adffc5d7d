import type { Kysely } from "kysely";
import { type MigrationProvider, Migrator } from "kysely/migration";
import { allMigrations } from "./migrations/index.ts";

export interface MigrationState {
  applied: number;
  pending: number;
}

function createMigrator(db: Kysely<unknown>): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations };
  return new Migrator({ db, provider });
}

/** Applies every pending migration; Kysely's migration lock keeps concurrent starts safe. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).map((result) => result.migrationName);
}

export async function readMigrationState(db: Kysely<unknown>): Promise<MigrationState> {
  const migrations = await createMigrator(db).getMigrations();
  const applied = migrations.filter((migration) => migration.executedAt !== undefined).length;
  return { applied, pending: migrations.length - applied };
}
