import pg from "pg";
import type { Logger } from "../observability/logger.ts";

/**
 * Whether the database answers, as seen by a watcher on a connection of its own (never
 * the pool's: a pool busy with a burst of requests is no sign of a database gone).
 */
export interface DatabaseHealth {
  /** False once the database failed to answer twice in a row; true again after it answers. */
  readonly reachable: boolean;
  /**
   * Asks now, on the watcher's connection (so a pool busy with requests does not delay the
   * answer): whether `SELECT 1` came back within `timeoutMs`.
   */
  ping(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

export interface DatabaseHealthOptions {
  /** Between checks while the database answers (default 1 s). */
  intervalMs?: number;
  /** Between checks while it does not, so that its return is noticed soon (default 250 ms). */
  retryMs?: number;
  /** How long one check may take, connecting included (default 1.5 s). */
  timeoutMs?: number;
}

/** Failures in a row before the database counts as gone: one slow answer under load is not. */
const FAILURES_TO_TRIP = 2;

/**
 * Asks the database `SELECT 1` at an interval. A stopped server refuses connections and
 * every request fails fast on its own; a frozen one, or one behind a network that drops
 * packets, answers nothing, and requests would wait for the pool's connection timeout or
 * forever. While the watcher says unreachable, requests are answered 503 at once instead
 * (http/middleware/database-breaker.ts).
 */
export function watchDatabaseHealth(
  connectionString: string,
  logger: Logger,
  options: DatabaseHealthOptions = {},
): DatabaseHealth {
  const intervalMs = options.intervalMs ?? 1_000;
  const retryMs = options.retryMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 1_500;
  let reachable = true;
  let failures = 0;
  let stopped = false;
  /** The watcher's connection and its connecting, shared by the checks and by `ping`. */
  let session: { client: pg.Client; connected: Promise<unknown> } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wakeSleeper: (() => void) | undefined;

  // A connection that failed a check may hang in its socket: it is dropped, not awaited.
  const discard = (failed: typeof session) => {
    if (!failed || session !== failed) return;
    session = undefined;
    failed.client.end().catch(() => undefined);
  };

  const open = () => {
    if (session) return session;
    const client = new pg.Client({
      connectionString,
      application_name: "booking-api-health",
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
    });
    const opened = { client, connected: client.connect() };
    client.on("error", () => discard(opened));
    session = opened;
    return opened;
  };

  async function answers(): Promise<boolean> {
    const current = open();
    try {
      await current.connected;
      await current.client.query("SELECT 1");
      return true;
    } catch {
      discard(current);
      return false;
    }
  }

  async function watch(): Promise<void> {
    while (!stopped) {
      if (await answers()) {
        if (!reachable) logger.info("the database answers again");
        reachable = true;
        failures = 0;
      } else {
        failures += 1;
        if (reachable && failures >= FAILURES_TO_TRIP) {
          logger.warn("the database does not answer; requests get 503 until it does");
          reachable = false;
        }
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wakeSleeper = resolve;
        timer = setTimeout(resolve, reachable && failures === 0 ? intervalMs : retryMs);
      });
    }
  }

  const watching = watch();
  return {
    get reachable() {
      return reachable;
    },
    async ping(pingTimeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), pingTimeoutMs);
      });
      try {
        return await Promise.race([answers(), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wakeSleeper?.();
      await watching;
      discard(session);
    },
  };
}
