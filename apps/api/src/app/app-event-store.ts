import { createEventStore, type EventStore } from "@booking/eventstore";
import type { Secrets } from "../config/secrets.ts";
import type { Database } from "../db/database.ts";
import { features } from "./app-router.ts";

/**
 * The event store with every inline projection of the application. `onAppended` hears of
 * every append once it committed, before the caller goes on (the read caches use it);
 * `onTransientRetry` of every append tried again after a deadlock (the metrics count them).
 */
export function createAppEventStore(
  database: Database,
  secrets: Secrets,
  onAppended: (streamIds: readonly string[]) => void = () => {},
  onTransientRetry?: (sqlState: string) => void,
): EventStore {
  const store = createEventStore({
    pool: database.pool,
    ...(onTransientRetry ? { onTransientRetry } : {}),
    masterKey: secrets.personalDataMasterKey,
    inlineProjections: features.flatMap((feature) => feature.inlineProjections?.(secrets) ?? []),
  });
  return {
    ...store,
    append: async (streamId, events, options) => {
      const result = await store.append(streamId, events, options);
      onAppended([streamId]);
      return result;
    },
    appendToStreams: async (appends, options) => {
      const result = await store.appendToStreams(appends, options);
      onAppended(appends.map((append) => append.streamId));
      return result;
    },
  };
}
