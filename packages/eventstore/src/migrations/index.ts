import type { Migration } from "kysely/migration";
import * as init from "./20261122_0001_eventstore_init.ts";

/**
 * The event store's schema migrations, named `YYYYMMDD_NNNN_eventstore_*` so that they sort
 * in time among the migrations of the application that composes them.
 */
export const eventStoreMigrations: Record<string, Migration> = {
  "20261122_0001_eventstore_init": init,
};
