import type { Kysely } from "kysely";
import type pg from "pg";
import { checkOut } from "./checked-out-client.ts";
import type { DecoderOptions } from "./event-decoder.ts";
import { SubscriptionHandlerError } from "./event-store-errors.ts";
import type { DomainEvent, LogPosition, RecordedEvent } from "./event-types.ts";
import { countEventsAfter, hasEventsAfter, readAll } from "./read-events.ts";
import {
  compareAndSetCheckpoint,
  loadSubscriptionState,
  recordSubscriptionFailure,
  type SubscriptionState,
} from "./subscription-checkpoints.ts";
import { type SubscriptionLease, tryAcquireLease } from "./subscription-lease.ts";
import { kyselyOnClient } from "./transaction-kysely.ts";
import { createWakeUp } from "./wake-up.ts";

const MIN_HORIZON_BACKOFF_MS = 10;

export interface SubscriptionContext<DB> {
  /** The batch's transaction, which also moves the checkpoint: writes here are exactly-once. */
  client: pg.PoolClient;
  readonly db: Kysely<DB>;
}

export interface SubscriptionOptions<DB = unknown, E extends DomainEvent = DomainEvent> {
  name: string;
  /** Receives batches in global order; throwing stops the subscription (see status()). */
  handle(events: RecordedEvent<E>[], context: SubscriptionContext<DB>): Promise<void>;
  batchSize?: number;
  /** Polling fallback when no NOTIFY arrives (default 1000 ms). */
  pollIntervalMs?: number;
  /** How often a standby runner tries to take over (default 1000 ms). */
  leaseRetryMs?: number;
  /** Called once when the handler fails; the error is also in status() and the database. */
  onError?: (error: SubscriptionHandlerError) => void;
}

export type RunnerState = "idle" | "standby" | "active" | "failed" | "stopped";

export interface SubscriptionRunnerStatus {
  state: RunnerState;
  position: LogPosition | undefined;
  failure: string | undefined;
}

export interface SubscriptionRunner {
  readonly name: string;
  /** Starts catching up (or waits as standby while another process holds the subscription). */
  start(): void;
  /** Finishes the current batch, releases the lease; safe to call twice. */
  stop(): Promise<void>;
  status(): SubscriptionRunnerStatus;
  /** Committed events not yet handled, read from the stored checkpoint. */
  lag(): Promise<number>;
}

export interface RunnerDependencies {
  pool: pg.Pool;
  decoder: DecoderOptions;
}

export function createSubscriptionRunner<DB, E extends DomainEvent>(
  deps: RunnerDependencies,
  options: SubscriptionOptions<DB, E>,
): SubscriptionRunner {
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const leaseRetryMs = options.leaseRetryMs ?? 1000;
  const wakeUp = createWakeUp();
  let state: RunnerState = "idle";
  let position: LogPosition | undefined;
  let failure: string | undefined;
  let stopping = false;
  let loop: Promise<void> | undefined;

  async function run(): Promise<void> {
    // While the database is away every retry fails the same way: said once, not each second.
    let unreachable = false;
    while (!stopping) {
      state = "standby";
      let lease: SubscriptionLease | undefined;
      try {
        lease = await tryAcquireLease(deps.pool.options, options.name, wakeUp.wake);
        if (unreachable) console.warn(`Subscription "${options.name}" reaches the database again`);
        unreachable = false;
        if (lease) await processWhileHolding(lease);
      } catch (error) {
        if (!unreachable) {
          console.warn(`Subscription "${options.name}" lost its connection, retrying`, error);
        }
        unreachable = true;
      } finally {
        await lease?.release();
      }
      // A lost lease also signalled a wake-up: drop it, or we would retry at once.
      wakeUp.clear();
      if (!stopping) await wakeUp.wait(leaseRetryMs);
    }
    state = "stopped";
  }

  async function processWhileHolding(lease: SubscriptionLease): Promise<void> {
    let current = await loadSubscriptionState(deps.pool, options.name);
    let horizonBackoffMs = MIN_HORIZON_BACKOFF_MS;
    while (!stopping && !lease.lost) {
      position = current.position;
      if (current.failure) {
        state = "failed";
        failure = current.failure.message;
        await wakeUp.wait(pollIntervalMs);
        current = await loadSubscriptionState(deps.pool, options.name);
        continue;
      }
      state = "active";
      failure = undefined;
      wakeUp.clear();
      const batch = await readAll<E>(deps.pool, deps.decoder, {
        after: current.position,
        limit: batchSize,
      });
      if (batch.events.length > 0) {
        horizonBackoffMs = MIN_HORIZON_BACKOFF_MS;
        current = await handleBatch(current, batch.events, batch.position);
        continue;
      }
      // Events committed behind a still-running older transaction: their NOTIFY came and
      // went, so retry soon rather than after a full polling interval.
      if (await hasEventsAfter(deps.pool, current.position)) {
        await wakeUp.wait(horizonBackoffMs);
        horizonBackoffMs = Math.min(horizonBackoffMs * 2, pollIntervalMs);
      } else {
        await wakeUp.wait(pollIntervalMs);
      }
      // Picks up a reset made elsewhere even when no new event arrives.
      current = await loadSubscriptionState(deps.pool, options.name);
    }
  }

  async function handleBatch(
    current: SubscriptionState,
    events: RecordedEvent<E>[],
    next: LogPosition,
  ): Promise<SubscriptionState> {
    const { client, release } = await checkOut(deps.pool);
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      try {
        let db: Kysely<DB> | undefined;
        await options.handle(events, {
          client,
          get db() {
            db ??= kyselyOnClient<DB>(client);
            return db;
          },
        });
      } catch (cause) {
        await client.query("ROLLBACK");
        return await fail(cause);
      }
      const moved = await compareAndSetCheckpoint(client, options.name, current.position, next);
      if (!moved) {
        // Reset or moved by someone else: drop this batch and continue from the stored value.
        await client.query("ROLLBACK");
        return await loadSubscriptionState(deps.pool, options.name);
      }
      await client.query("COMMIT");
      return { position: next, failure: null };
    } catch (error) {
      if (error instanceof Error) broken = error;
      throw error;
    } finally {
      release(broken);
    }
  }

  async function fail(cause: unknown): Promise<SubscriptionState> {
    const error = new SubscriptionHandlerError(options.name, cause);
    console.error(error.message, cause);
    await recordSubscriptionFailure(deps.pool, options.name, error.message);
    options.onError?.(error);
    return loadSubscriptionState(deps.pool, options.name);
  }

  return {
    name: options.name,
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      wakeUp.wake();
      await loop;
      loop = undefined;
    },
    status: () => ({ state, position, failure }),
    async lag() {
      const stored = await loadSubscriptionState(deps.pool, options.name);
      return countEventsAfter(deps.pool, stored.position);
    },
  };
}
