import { createWakeUp } from "@booking/eventstore";
import type { Registry } from "prom-client";
import type { BackgroundWorker } from "../../app/feature.ts";
import type { Database } from "../../db/database.ts";
import { trackLeadership } from "../../observability/leadership.ts";
import type { Logger } from "../../observability/logger.ts";
import type { ComposedMessage } from "./composed-message.ts";
import { createDeliveryMetrics } from "./delivery-metrics.ts";
import { defaultBackoffMs } from "./delivery-record.ts";
import type { MailTransport } from "./mail-transport.ts";
import { createNotificationDelivery, type Notification } from "./notification-delivery.ts";
import { type SenderLease, tryAcquireSenderLease } from "./sender-lease.ts";

export type { Notification };

export interface NotificationSenderDependencies {
  database: Pick<Database, "pool" | "db">;
  logger: Logger;
  metrics: { registry: Registry };
}

export interface NotificationSenderOptions {
  /** Owned by the sender from now on: `stop()` closes it. */
  transport: MailTransport;
  /** Composes a notification's message; called once, before its first hand-off. */
  compose(notification: Notification): Promise<ComposedMessage>;
  /**
   * A `NOTIFY` channel on which new rows are announced (the reactor's, which may run in
   * another process): the active sender listens and looks at once.
   */
  wakeChannel?: string;
  /** How often to look for due rows (and to try to take over as the active sender). */
  pollIntervalMs?: number;
  /** Due rows read per round (default 50). */
  batchSize?: number;
  /** Hand-offs in parallel (default 4). */
  concurrency?: number;
  /** Failed attempts since the last requeue after which a notification is `failed` (8). */
  maxAttempts?: number;
  /** The wait after the n-th failed attempt (default 30 s doubling up to 1 h, with jitter). */
  backoffMs?(failedAttempts: number): number;
  now?(): Date;
  /** Test hook: after the transport accepted a message, before that is recorded. */
  afterHandOff?(notification: Notification): Promise<void> | void;
}

export interface NotificationSender extends BackgroundWorker {
  /**
   * One round, if this process is (or now becomes) the active sender: hands the due rows
   * of one batch to the transport and records each attempt. Resolves to the attempts
   * recorded; rejects when a row's work broke off (the rows left are tried next round).
   */
  runOnce(): Promise<number>;
  /** New rows were inserted (in this process): look now rather than at the next poll. */
  wake(): void;
}

/**
 * The outbox's delivery. Exactly one sender is active across the api processes (an
 * advisory lock on a connection of its own, sender-lease.ts); the others try to take over
 * at every poll. The active one treats every pending, due row as its own.
 */
export function createNotificationSender(
  deps: NotificationSenderDependencies,
  options: NotificationSenderOptions,
): NotificationSender {
  const { database, logger } = deps;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 50;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const now = options.now ?? (() => new Date());
  const wakeUp = createWakeUp();
  let lease: SenderLease | undefined;
  let leaseTrouble = false;
  let stopped = false;
  let stopping: Promise<void> | undefined;
  let loop: Promise<void> | undefined;
  let rounds: Promise<unknown> = Promise.resolve();
  trackLeadership(deps.metrics.registry, "notification-sender", () =>
    Boolean(lease && !lease.lost),
  );

  const delivery = createNotificationDelivery({
    db: database.db,
    logger,
    metrics: createDeliveryMetrics(deps.metrics.registry, database.db),
    transport: options.transport,
    compose: options.compose,
    afterHandOff: options.afterHandOff,
    now,
    policy: {
      maxAttempts: options.maxAttempts ?? 8,
      backoffMs: options.backoffMs ?? defaultBackoffMs,
    },
  });

  async function holdsLease(): Promise<boolean> {
    if (lease && (await lease.check())) return true;
    if (lease) {
      logger.warn("lost the notification sender's lock; trying to take it again");
      await lease.release();
      lease = undefined;
    }
    try {
      lease = await tryAcquireSenderLease(
        database.pool.options,
        wakeUp.wake,
        options.wakeChannel
          ? { channel: options.wakeChannel, onNotification: wakeUp.wake }
          : undefined,
      );
      if (leaseTrouble) logger.info("the notification sender reaches the database again");
      leaseTrouble = false;
    } catch (error) {
      // Once per outage, not once per poll.
      if (!leaseTrouble) logger.warn({ err: error }, "the notification sender cannot connect");
      leaseTrouble = true;
    }
    if (lease) logger.info("this process now sends the notifications");
    return lease !== undefined;
  }

  /** One batch: its size, and how many rows were attempted. */
  async function round(): Promise<{ due: number; attempted: number }> {
    if (stopped || !(await holdsLease())) return { due: 0, attempted: 0 };
    const due = await database.db
      .selectFrom("notifications")
      .selectAll()
      .where("status", "=", "pending")
      .where("recipient", "is not", null)
      .where("next_attempt_at", "<=", now())
      .orderBy("next_attempt_at")
      .limit(batchSize)
      .execute();
    let next = 0;
    let attempted = 0;
    let broken: { error: unknown } | undefined;
    const mayGoOn = () => !stopped && !broken && lease !== undefined && !lease.lost;
    async function worker(): Promise<void> {
      for (let row = due[next++]; row && mayGoOn(); row = due[next++]) {
        try {
          if (await delivery.deliver(row, mayGoOn)) attempted += 1;
        } catch (error) {
          // A crash would stop here too: nothing recorded, the row is due again.
          broken ??= { error };
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    if (broken) throw broken.error;
    return { due: due.length, attempted };
  }

  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = rounds.then(work);
    rounds = result.catch(() => undefined);
    return result;
  }

  async function run(): Promise<void> {
    while (!stopped) {
      let full = false;
      try {
        const { due } = await serialised(round);
        full = due === batchSize;
      } catch (error) {
        logger.error({ err: error }, "notification round failed; trying again at the next poll");
      }
      if (!full && !stopped) await wakeUp.wait(pollIntervalMs);
    }
  }

  return {
    name: "notification-sender",
    start() {
      if (loop || stopped) return;
      loop = run();
    },
    stop() {
      stopping ??= (async () => {
        stopped = true;
        wakeUp.wake();
        await loop;
        await rounds;
        await lease?.release();
        lease = undefined;
        await options.transport.close();
      })();
      return stopping;
    },
    runOnce: () => serialised(round).then(({ attempted }) => attempted),
    wake: () => wakeUp.wake(),
  };
}
