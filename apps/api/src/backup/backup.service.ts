import type { AppDependencies } from "../context/app-dependencies.ts";
import { backupLines } from "./backup-snapshot.ts";

const CHUNK_BYTES = 64 * 1024;

/** The reactors' subscriptions: what the projections machinery lists besides projections. */
export async function reactorNamesOf(
  deps: Pick<AppDependencies, "projections">,
): Promise<string[]> {
  const statuses = await deps.projections.list();
  return statuses
    .map((status) => status.name)
    .filter((name) => !deps.projections.names.includes(name));
}

/** The file name of a backup taken at `at`: sorts by time, safe on every file system. */
export function backupFileName(at: Date): string {
  return `booking-backup-${at
    .toISOString()
    .replace(/[:.]/g, "")
    .replace(/\d{3}Z$/, "Z")}.ndjson`;
}

/**
 * A backup as a byte stream that reads the database only while someone reads it: nothing
 * is taken before the first read (highWaterMark 0), and a reader that goes away (a
 * download cut off) ends the snapshot's transaction.
 */
export function backupStream(
  deps: Pick<AppDependencies, "database" | "secrets" | "projections">,
): ReadableStream<Uint8Array> {
  let lines: AsyncGenerator<string> | undefined;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        lines ??= backupLines({
          pool: deps.database.pool,
          secrets: deps.secrets,
          reactorNames: await reactorNamesOf(deps),
        });
        let chunk = "";
        while (chunk.length < CHUNK_BYTES) {
          const next = await lines.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += next.value;
        }
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await lines?.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
