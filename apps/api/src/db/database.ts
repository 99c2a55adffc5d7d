import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Logger } from "../observability/logger.ts";
import {
  type DatabaseHealth,
  type DatabaseHealthOptions,
  watchDatabaseHealth,
} from "./database-health.ts";
import type { Database as Tables } from "./schema.ts";

export interface Database {
  /** For connections outside the pool (the change feed's LISTEN). */
  connectionString: string;
  pool: pg.Pool;
  /** Typed queries on the api's tables (db/schema.ts), over the same pool. */
  db: Kysely<Tables>;
  /** Whether the database answers; watched only where asked for (the api's main pool). */
  health?: DatabaseHealth;
  close(): Promise<void>;
}

/**
 * One pool for the whole process. Small on purpose: a Raspberry Pi's PostgreSQL has few
 * connections to spare, and several api processes may share one server.
 */
export function connectDatabase(
  connectionString: string,
  logger: Logger,
  options: { max?: number; applicationName?: string; watchHealth?: DatabaseHealthOptions } = {},
): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    // Bounded, so requests answer 503 instead of hanging when the database is unreachable
    // (a refused connection fails at once anyway); long enough that a burst of requests
    // queueing for one of the few connections is served, not refused.
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? "booking-api",
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on("error", (error) =>
    logger.warn({ err: connectionFailure(error) }, "idle database connection failed"),
  );
  // Nor may a checked-out one between two queries (pg-pool listens only to idle clients):
  // the query that uses it next fails instead.
  pool.on("connect", (client) => {
    client.on("error", (error) =>
      logger.warn({ err: connectionFailure(error) }, "database connection failed while in use"),
    );
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const health = options.watchHealth
    ? watchDatabaseHealth(connectionString, logger, options.watchHealth)
    : undefined;
  return {
    connectionString,
    pool,
    db,
    ...(health ? { health } : {}),
    close: async () => {
      await health?.stop();
      await db.destroy();
    },
  };
}

/**
 * What is worth logging of a lost connection. The error itself may carry the pg client
 * (its settings and type tables: kilobytes per line, once per pooled connection when the
 * database goes away); the reason is all an operator needs.
 */
function connectionFailure(error: Error & { code?: unknown }) {
  return { type: error.name, message: error.message, code: error.code };
}
