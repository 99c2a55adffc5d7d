import pg from "pg";
import type { Logger } from "../observability/logger.ts";

/** What the database announced (migration 20261122_0401_change_notifications). */
export type Change =
  | { kind: "reservations"; resourceId: string }
  | { kind: "catalog" }
  | { kind: "credentials" };

/** `reset`: notifications may have been missed (connection lost or new); forget everything. */
export type ChangeListener = (change: Change | "reset") => void;

export interface ChangeFeed {
  /**
   * True while this process is listening: only then can a cache know that what it holds is
   * current. While false, caches neither serve nor store.
   */
  readonly live: boolean;
  subscribe(listener: ChangeListener): void;
  stop(): Promise<void>;
}

const channels = {
  booking_reservations_changed: (payload: string): Change => ({
    kind: "reservations",
    resourceId: payload,
  }),
  booking_catalog_changed: (): Change => ({ kind: "catalog" }),
  booking_credentials_changed: (): Change => ({ kind: "credentials" }),
} as const;

const retryDelaysMs = [100, 500, 1000, 2000, 5000];

/**
 * One dedicated connection that LISTENs to the change channels, outside the pool so that
 * it never competes with requests for a connection. When it drops it reconnects with
 * back-off; until then the feed is not live.
 */
export function startChangeFeed(connectionString: string, logger: Logger): ChangeFeed {
  const listeners: ChangeListener[] = [];
  let live = false;
  let stopped = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const emit = (change: Change | "reset") => {
    for (const listener of listeners) listener(change);
  };

  const lost = (current: pg.Client) => {
    if (client !== current) return;
    client = undefined;
    live = false;
    emit("reset");
    current.end().catch(() => undefined);
    if (stopped) return;
    const delay = retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)];
    failures++;
    retryTimer = setTimeout(connect, delay);
  };

  async function connect() {
    retryTimer = undefined;
    const current = new pg.Client({ connectionString, application_name: "booking-api-changes" });
    client = current;
    current.on("error", (error) => {
      logger.debug({ err: error }, "change feed connection failed");
      lost(current);
    });
    current.on("end", () => lost(current));
    current.on("notification", (message) => {
      const toChange = channels[message.channel as keyof typeof channels];
      if (toChange) emit(toChange(message.payload ?? ""));
    });
    try {
      await current.connect();
      // LISTEN is no query Kysely builds; it runs on this dedicated connection only.
      await current.query(
        Object.keys(channels)
          .map((channel) => `LISTEN ${channel}`)
          .join("; "),
      );
      if (client !== current || stopped) return;
      failures = 0;
      // Whatever happened while nobody listened is unknown: start from an empty cache.
      emit("reset");
      live = true;
    } catch (error) {
      logger.debug({ err: error }, "change feed could not listen");
      lost(current);
    }
  }

  void connect();

  return {
    get live() {
      return live;
    },
    subscribe(listener) {
      listeners.push(listener);
    },
    async stop() {
      stopped = true;
      live = false;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
