import { projectionNameSchema } from "@booking/contracts";
import type { DomainEvent, RecordedEvent } from "@booking/eventstore";
import type { Kysely } from "kysely";
import type pg from "pg";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { Database } from "../db/schema.ts";

/** What the projections' machinery runs on. */
export type ProjectionDependencies = Pick<
  AppDependencies,
  "eventStore" | "database" | "logger" | "metrics"
>;

/** What a handler gets: the batch's transaction, which also moves the checkpoint. */
export interface AsyncProjectionContext {
  /**
   * Queries on this run in the batch's transaction; table names must stay unqualified (a
   * rebuild resolves them to its copies of the tables).
   */
  readonly db: Kysely<Database>;
  readonly client: pg.PoolClient;
}

/**
 * A read model that follows the global log behind the appends (docs/adr/0011). Its
 * handler's writes commit with the checkpoint, so each event counts exactly once; a throw
 * stops the projection visibly (GET /projections) with nothing of the batch written.
 *
 * Its tables belong to it alone: a rebuild copies them (`LIKE … INCLUDING ALL`), refills
 * the copies from the start of the log and swaps them in. So: no triggers, no foreign keys,
 * no serial columns, default index names, and the handler writes only these tables.
 */
export interface AsyncProjection<E extends DomainEvent = DomainEvent> {
  /** Lower-case letters, digits, `_`: the subscription's name and the label everywhere. */
  readonly name: string;
  readonly tables: readonly (keyof Database)[];
  /** The event types it reads; the checkpoint moves over the others without a call. */
  readonly eventTypes: readonly E["type"][];
  /** A batch in global-log order; the events of one stream in their order. */
  handle(events: RecordedEvent<E>[], context: AsyncProjectionContext): Promise<void>;
  /** Events read per transaction (default 500). */
  readonly batchSize?: number;
}

export function defineAsyncProjection<E extends DomainEvent>(
  projection: AsyncProjection<E>,
): AsyncProjection<E> {
  if (!projectionNameSchema.safeParse(projection.name).success) {
    throw new Error(`Projection name "${projection.name}": lower-case letters, digits and _`);
  }
  if (projection.tables.length === 0) {
    throw new Error(`Projection ${projection.name} must name the tables it writes`);
  }
  return projection;
}

/** The subscription that refills a projection's copies during a rebuild. */
export function rebuildSubscriptionOf(name: string): string {
  return `${name}:rebuild`;
}
