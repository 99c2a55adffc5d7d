import type { Kysely } from "kysely";
import type pg from "pg";
import { InlineProjectionError } from "./event-store-errors.ts";
import type { DomainEvent, RecordedEvent, RecordedEventMetadata } from "./event-types.ts";
import type { PlannedWrite, WriteBuilder } from "./planned-write.ts";
import { kyselyOnClient } from "./transaction-kysely.ts";

export interface InlineProjectionContext<DB> {
  /** The append's transaction: whatever is written here commits or rolls back with the events. */
  client: pg.PoolClient;
  /** Kysely bound to that same transaction (created on first use). */
  readonly db: Kysely<DB>;
}

/**
 * An event as known before it is inserted: everything but its place in the global log
 * (`globalPosition`, `transactionId`) and `recordedAt`. The stream version is known because
 * planned writes are only asked for when the append's expected version fixes it.
 */
export type PlannedEvent<E extends DomainEvent = DomainEvent> = E &
  Omit<RecordedEventMetadata, "globalPosition" | "transactionId" | "recordedAt">;

/** What `plan` builds its writes with. */
export interface PlanContext<DB> {
  /** Builds queries only (PostgreSQL syntax): the projection's tables plus `appended`. */
  readonly db: WriteBuilder<DB>;
}

/**
 * Runs inside the append transaction, after the events are inserted. Throwing (or a
 * violated constraint) rolls the append back; the caller gets an InlineProjectionError.
 *
 * `plan` (optional) is the single-statement form: it returns the projection's writes
 * (PlannedWrite: Kysely queries, or writes defined once with defineWrite) without reading
 * anything, or null when it cannot (then `handle` runs as above). An append to one stream
 * whose expected version is `no_stream` or a number, that creates no subject key, and whose
 * relevant projections all plan, is one statement in autocommit: one round trip. The
 * outcome is the same as with `handle`: all or nothing, a violated constraint is an
 * InlineProjectionError with its `sqlState` and `constraint`.
 */
export interface InlineProjection<DB = unknown, E extends DomainEvent = DomainEvent> {
  name: string;
  /** Only these event types are passed; omit to receive every event. */
  eventTypes?: readonly E["type"][];
  handle(events: RecordedEvent<E>[], context: InlineProjectionContext<DB>): Promise<void>;
  plan?(events: PlannedEvent<E>[], context: PlanContext<DB>): PlannedWrite[] | null;
}

export function defineInlineProjection<DB, E extends DomainEvent = DomainEvent>(
  projection: InlineProjection<DB, E>,
): InlineProjection<DB, E> {
  return projection;
}

// biome-ignore lint/suspicious/noExplicitAny: a store holds projections of any table and event types.
export type AnyInlineProjection = InlineProjection<any, any>;

/** The events a projection is given: those of its types, in the order appended. */
export function relevantEvents<T extends { type: string }>(
  projection: AnyInlineProjection,
  events: T[],
): T[] {
  const types = projection.eventTypes;
  return types ? events.filter((event) => types.includes(event.type)) : events;
}

export function createProjectionContext<DB>(client: pg.PoolClient): InlineProjectionContext<DB> {
  let db: Kysely<DB> | undefined;
  return {
    client,
    get db() {
      db ??= kyselyOnClient<DB>(client);
      return db;
    },
  };
}

export async function runInlineProjections(
  projections: readonly AnyInlineProjection[],
  events: RecordedEvent[],
  client: pg.PoolClient,
): Promise<void> {
  const context = createProjectionContext<unknown>(client);
  for (const projection of projections) {
    const relevant = relevantEvents(projection, events);
    if (relevant.length === 0) continue;
    try {
      await projection.handle(relevant, context);
    } catch (error) {
      throw new InlineProjectionError(projection.name, error);
    }
  }
}
