import { defineRestRoute } from "../rest/rest-route.ts";
import { backupRouter } from "./backup.trpc.ts";

export const backupRoutes = [
  defineRestRoute({
    method: "get",
    path: "/backup",
    operationId: "downloadBackup",
    summary:
      "An online, consistent backup of what cannot be rebuilt (the event log, subject keys, credentials, feeds, the outbox) as NDJSON, streamed",
    tag: "System",
    file: { mediaType: "application/x-ndjson" },
    successStatus: 200,
    procedure: backupRouter.download,
    handler: ({ call }) => call(backupRouter.download, undefined),
  }),
];
