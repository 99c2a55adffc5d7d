import { defineFeature } from "../app/feature.ts";
import { backupRoutes } from "./backup.rest.ts";
import { backupRouter } from "./backup.trpc.ts";
import { nightlyBackupJob } from "./nightly-backup.job.ts";

export const backupFeature = defineFeature({
  name: "backup",
  procedures: { backup: backupRouter },
  restRoutes: backupRoutes,
  jobs: (deps) => (deps.config.backup.directory ? [nightlyBackupJob(deps)] : []),
});
