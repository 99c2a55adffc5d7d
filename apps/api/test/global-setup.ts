import { createPostgresGlobalSetup } from "@booking/vitest-config/global-setup";
import { migrateToLatest } from "../src/db/migrator.ts";

export default createPostgresGlobalSetup({
  migrate: async (db) => {
    await migrateToLatest(db);
  },
});
