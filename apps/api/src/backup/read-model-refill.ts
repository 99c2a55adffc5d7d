import {
  kyselyOnClient,
  LOG_START,
  type LogPosition,
  readLogWithin,
  replayInlineProjections,
  setSubscriptionCheckpoint,
} from "@booking/eventstore";
import type pg from "pg";
import type { Database } from "../db/schema.ts";
import type { RestoreTarget } from "./restore-target.ts";

const PAGE = 500;

/**
 * Refills every read model from the restored log, inside the restore's transaction: the
 * inline projections' tables as if each append had written them, then the asynchronous
 * projections' tables from the start of the log, their checkpoints at its end.
 */
export async function refillReadModels(
  client: pg.PoolClient,
  target: RestoreTarget,
  end: LogPosition,
): Promise<void> {
  await replayInlineProjections(client, target.decoder, target.inlineProjections, PAGE);
  const db = kyselyOnClient<Database>(client);
  for (let after = LOG_START; ; ) {
    const events = await readLogWithin(client, target.decoder, after, PAGE);
    const last = events[events.length - 1];
    if (!last) break;
    for (const projection of target.asyncProjections) {
      const types: readonly string[] = projection.eventTypes;
      const mine = events.filter((event) => types.includes(event.type));
      if (mine.length > 0) await projection.handle(mine, { db, client });
    }
    after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
  for (const projection of target.asyncProjections) {
    await setSubscriptionCheckpoint(client, projection.name, end);
  }
}
