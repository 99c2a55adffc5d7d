import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { procedure } from "../trpc/trpc.ts";
import { backupFileName, backupStream } from "./backup.service.ts";

/**
 * The backup as a download (GET /api/v1/backup). A stream does not cross tRPC's batch
 * link: over tRPC this serves in-process callers; clients download it over REST.
 */
export const backupRouter = {
  download: procedure("admin")
    .output(z.object({ content: z.instanceof(ReadableStream), filename: z.string() }))
    .query(({ ctx }) => ({
      content: backupStream(ctx.deps),
      filename: backupFileName(ctx.now()),
    })),
} satisfies TRPCRouterRecord;
