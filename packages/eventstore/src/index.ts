export { eventStoreMigrations } from "./migrations/index.ts";
export { migrateEventStore } from "./migrations/migrate.ts";
