import type { Kysely } from "kysely";
import type pg from "pg";
import { InlineProjectionError } from "./event-store-errors.ts";
import type { DomainEvent, RecordedEvent } from "./event-types.ts";
import { kyselyOnClient } from "./transaction-kysely.ts";

export interface InlineProjectionContext<DB> {
  /** The append's transaction: whatever is written here commits or rolls back with the events. */
  client: pg.PoolClient;
  /** Kysely bound to that same transaction (created on first use). */
  readonly db: Kysely<DB>;
}

/**
 * Runs inside the append transaction, after the events are inserted. Throwing (or a
 * violated constraint) rolls the append back; the caller gets an InlineProjectionError.
 */
export interface InlineProjection<DB = unknown, E extends DomainEvent = DomainEvent> {
  name: string;
  /** Only these event types are passed; omit to receive every event. */
  eventTypes?: readonly E["type"][];
  handle(events: RecordedEvent<E>[], context: InlineProjectionContext<DB>): Promise<void>;
}

export function defineInlineProjection<DB, E extends DomainEvent = DomainEvent>(
  projection: InlineProjection<DB, E>,
): InlineProjection<DB, E> {
  return projection;
}

// biome-ignore lint/suspicious/noExplicitAny: a store holds projections of any table and event types.
export type AnyInlineProjection = InlineProjection<any, any>;

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
    const types = projection.eventTypes;
    const relevant = types ? events.filter((event) => types.includes(event.type)) : events;
    if (relevant.length === 0) continue;
    try {
      await projection.handle(relevant, context);
    } catch (error) {
      throw new InlineProjectionError(projection.name, error);
    }
  }
}
