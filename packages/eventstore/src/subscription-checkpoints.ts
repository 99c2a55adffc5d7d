import type { Kysely } from "kysely";
import type pg from "pg";
import { LOG_START, type LogPosition } from "./event-types.ts";
import type { Queryable } from "./queryable.ts";
import { countEventsAfter } from "./read-events.ts";
import { kyselyOnClient } from "./transaction-kysely.ts";

export interface SubscriptionState {
  position: LogPosition;
  /** Set when a handler failed; the subscription stays stopped until reset or retried. */
  failure: { message: string; at: Date } | null;
}

export interface SubscriptionStatus extends SubscriptionState {
  name: string;
  /** Committed events after the checkpoint. */
  lag: number;
}

interface Row {
  transaction_id: string;
  global_position: string;
  failure: string | null;
  failed_at: Date | null;
}

export async function loadSubscriptionState(
  db: Queryable,
  name: string,
): Promise<SubscriptionState> {
  await db.query({
    name: "eventstore_subscription_ensure",
    text: "INSERT INTO eventstore_subscriptions (name) VALUES ($1) ON CONFLICT (name) DO NOTHING",
    values: [name],
  });
  const { rows } = await db.query<Row>({
    name: "eventstore_subscription_load",
    text: `SELECT transaction_id::text AS transaction_id, global_position, failure, failed_at
           FROM eventstore_subscriptions WHERE name = $1`,
    values: [name],
  });
  const row = rows[0];
  if (!row) return { position: LOG_START, failure: null };
  return {
    position: { transactionId: row.transaction_id, globalPosition: Number(row.global_position) },
    failure:
      row.failure !== null ? { message: row.failure, at: row.failed_at ?? new Date(0) } : null,
  };
}

/**
 * Moves the checkpoint only from the value this runner last saw (compare-and-set), so two
 * runners, or a runner and a reset, can never move it backwards.
 */
export async function compareAndSetCheckpoint(
  db: Queryable,
  name: string,
  from: LogPosition,
  to: LogPosition,
): Promise<boolean> {
  const { rowCount } = await db.query({
    name: "eventstore_subscription_cas",
    text: `UPDATE eventstore_subscriptions
           SET transaction_id = $4::xid8, global_position = $5, updated_at = now()
           WHERE name = $1 AND transaction_id = $2::xid8 AND global_position = $3
             AND failure IS NULL`,
    values: [name, from.transactionId, from.globalPosition, to.transactionId, to.globalPosition],
  });
  return rowCount === 1;
}

export async function recordSubscriptionFailure(db: Queryable, name: string, message: string) {
  await db.query(
    "UPDATE eventstore_subscriptions SET failure = $2, failed_at = now() WHERE name = $1",
    [name, message],
  );
}

export async function subscriptionStatus(db: Queryable, name: string): Promise<SubscriptionStatus> {
  const state = await loadSubscriptionState(db, name);
  return { name, ...state, lag: await countEventsAfter(db, state.position) };
}

export interface ResetOptions<DB> {
  /** Default: the start of the log (a full rebuild). */
  to?: LogPosition;
  /** Runs in the reset's transaction, e.g. to truncate the read model being rebuilt. */
  within?: (context: { client: pg.PoolClient; db: Kysely<DB> }) => Promise<void>;
}

/**
 * Moves the checkpoint (usually back to the start) and clears a failure, atomically with
 * `within`. A runner mid-batch fails its compare-and-set and rolls its batch back.
 */
export async function resetSubscription<DB>(
  pool: pg.Pool,
  name: string,
  options: ResetOptions<DB> = {},
): Promise<void> {
  const to = options.to ?? LOG_START;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO eventstore_subscriptions (name, transaction_id, global_position)
       VALUES ($1, $2::xid8, $3)
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
         global_position = EXCLUDED.global_position, failure = NULL, failed_at = NULL,
         updated_at = now()`,
      [name, to.transactionId, to.globalPosition],
    );
    if (options.within) await options.within({ client, db: kyselyOnClient<DB>(client) });
    await client.query("SELECT pg_notify('eventstore_appended', '')");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Gives a subscription that has no checkpoint yet one at the end of the log, so that it
 * acts only on events from now on (a reactor that sends mail must not act on the past
 * when it is added to an existing log). Does nothing for a subscription that exists;
 * several processes may call it at once. Returns whether it created the checkpoint.
 */
export async function startSubscriptionAtEnd(db: Queryable, name: string): Promise<boolean> {
  const { rowCount } = await db.query({
    name: "eventstore_subscription_start_at_end",
    text: `INSERT INTO eventstore_subscriptions (name, transaction_id, global_position)
           SELECT $1, coalesce(last.transaction_id, '0'::xid8), coalesce(last.global_position, 0)
           FROM (SELECT 1) AS one
           LEFT JOIN LATERAL (
             SELECT transaction_id, global_position FROM eventstore_events
             ORDER BY transaction_id DESC, global_position DESC LIMIT 1
           ) AS last ON true
           ON CONFLICT (name) DO NOTHING`,
    values: [name],
  });
  return rowCount === 1;
}
