import { createHash } from "node:crypto";
import { readStoredLog } from "@booking/eventstore";
import type pg from "pg";
import { eventLine } from "./backup-format.ts";

/**
 * sha256 over the canonical lines of every event in position order: equal for two
 * databases exactly when their logs are (positions, ids, payloads, metadata, encrypted
 * fields). A backup's header carries it; a restore proves itself by recomputing it.
 */
export async function eventLogChecksum(
  db: pg.Pool | pg.PoolClient,
): Promise<{ sha256: string; events: number }> {
  const hash = createHash("sha256");
  let events = 0;
  for (let after = 0; ; ) {
    const page = await readStoredLog(db, after, 1000);
    for (const event of page) hash.update(eventLine(event));
    events += page.length;
    const last = page[page.length - 1];
    if (!last) break;
    after = last.globalPosition;
  }
  return { sha256: hash.digest("hex"), events };
}
