import type { AnyInlineProjection, EventStore } from "@booking/eventstore";
import type pg from "pg";
import { features } from "../app/app-router.ts";
import type { Secrets } from "../config/secrets.ts";
import type { CoreDependencies } from "../context/app-dependencies.ts";
import { allMigrations } from "../db/migrations/index.ts";
import type { AsyncProjection } from "../projections/async-projection.ts";

/** What a restore writes into and refills: the database and every read model of the app. */
export interface RestoreTarget {
  pool: pg.Pool;
  secrets: Secrets;
  /** Decrypts and upcasts the restored events for the replay, like every read. */
  decoder: EventStore["decoder"];
  inlineProjections: readonly AnyInlineProjection[];
  asyncProjections: readonly AsyncProjection[];
  reactorNames: readonly string[];
  /** The migration this version of booking ends with: a backup must be of that schema. */
  schemaVersion: string;
  /** The application_name of the restore's own connections; any other must be gone. */
  applicationName: string;
}

/** The names of every reactor's subscription (they act on events: never replayed). */
export function reactorNames(): string[] {
  return features.flatMap((feature) => (feature.reactors ?? []).map((reactor) => reactor.name));
}

export function restoreTargetOf(core: CoreDependencies, applicationName: string): RestoreTarget {
  return {
    pool: core.database.pool,
    secrets: core.secrets,
    decoder: core.eventStore.decoder,
    inlineProjections: features.flatMap(
      (feature) => feature.inlineProjections?.(core.secrets) ?? [],
    ),
    asyncProjections: features.flatMap((feature) => feature.asyncProjections?.(core) ?? []),
    reactorNames: reactorNames(),
    schemaVersion: Object.keys(allMigrations).sort().at(-1) ?? "",
    applicationName,
  };
}
