import { createPostgresGlobalSetup } from "@booking/vitest-config/global-setup";
import { migrateEventStore } from "../src/migrations/migrate.ts";

export default createPostgresGlobalSetup({ migrate: migrateEventStore });
