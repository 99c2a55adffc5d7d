import type pg from "pg";
import {
  type AppendOptions,
  type AppendResult,
  appendToStream,
  streamVersion,
} from "./append-to-stream.ts";
import {
  type AppendToStreamsOptions,
  type AppendToStreamsResult,
  appendToStreams,
} from "./append-to-streams.ts";
import type { DecoderOptions } from "./event-decoder.ts";
import type { DomainEvent, NewEvent, RecordedEvent } from "./event-types.ts";
import { assertKey } from "./field-encryption.ts";
import type { AnyInlineProjection } from "./inline-projection.ts";
import type { StreamAppend } from "./prepared-append.ts";
import {
  type ReadAllOptions,
  type ReadAllResult,
  readAll,
  readByCorrelationId,
} from "./read-events.ts";
import { type ReadStreamOptions, readStream } from "./stream-read.ts";
import { eraseSubjectKey } from "./subject-keys.ts";
import {
  type ResetOptions,
  resetSubscription,
  type SubscriptionStatus,
  startSubscriptionAtEnd,
  subscriptionStatus,
} from "./subscription-checkpoints.ts";
import {
  createSubscriptionRunner,
  type SubscriptionOptions,
  type SubscriptionRunner,
} from "./subscription-runner.ts";
import { createUpcasterRegistry, type Upcaster } from "./upcasters.ts";

export interface EventStoreOptions {
  /** The application's pool; the store never ends it. */
  pool: pg.Pool;
  inlineProjections?: readonly AnyInlineProjection[];
  upcasters?: readonly Upcaster[];
  /** 32 bytes; required only to append events that carry personal data. */
  masterKey?: Buffer;
  /**
   * Hears of every append the database rolled back as a deadlock ("40P01") or
   * serialization ("40001") victim, before it is tried again: contention worth watching.
   */
  onTransientRetry?: (sqlState: string) => void;
}

export interface EventStore {
  readonly pool: pg.Pool;
  /** Decryption and upcasting settings every read path shares. */
  readonly decoder: DecoderOptions;
  append(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Appends to several streams atomically (one transaction, each stream with its own
   * expected version, inline projections over all events): all or nothing.
   */
  appendToStreams(
    appends: readonly StreamAppend[],
    options?: AppendToStreamsOptions,
  ): Promise<AppendToStreamsResult>;
  readStream<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent<E>[]>;
  readAll<E extends DomainEvent = DomainEvent>(options?: ReadAllOptions): Promise<ReadAllResult<E>>;
  readByCorrelationId<E extends DomainEvent = DomainEvent>(
    correlationId: string,
  ): Promise<RecordedEvent<E>[]>;
  /** The stream's current version; 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** A runner for a named, durable subscription; call start() (one runs per name at a time). */
  subscribe<DB = unknown, E extends DomainEvent = DomainEvent>(
    options: SubscriptionOptions<DB, E>,
  ): SubscriptionRunner;
  /** Checkpoint, failure and lag of a subscription, from any process. */
  subscriptionStatus(name: string): Promise<SubscriptionStatus>;
  /** A subscription without a checkpoint starts at the end of the log; true if created. */
  startSubscriptionAtEnd(name: string): Promise<boolean>;
  /** Rebuild: back to the start (or `to`), failure cleared, `within` in the same transaction. */
  resetSubscription<DB = unknown>(name: string, options?: ResetOptions<DB>): Promise<void>;
  /** Crypto-shredding: the subject's personal fields read back as ERASED from now on. */
  eraseSubject(subjectId: string): Promise<void>;
}

export function createEventStore(options: EventStoreOptions): EventStore {
  if (options.masterKey) assertKey(options.masterKey, "masterKey");
  const decoder: DecoderOptions = {
    masterKey: options.masterKey,
    upcasters: createUpcasterRegistry(options.upcasters ?? []),
  };
  const { pool } = options;
  const appendDependencies = {
    ...decoder,
    pool,
    inlineProjections: options.inlineProjections ?? [],
    ...(options.onTransientRetry ? { onTransientRetry: options.onTransientRetry } : {}),
  };
  return {
    pool,
    decoder,
    append: (streamId, events, appendOptions) =>
      appendToStream(appendDependencies, streamId, events, appendOptions),
    appendToStreams: (appends, appendOptions) =>
      appendToStreams(appendDependencies, appends, appendOptions),
    readStream: (streamId, readOptions) => readStream(pool, decoder, streamId, readOptions),
    readAll: (readOptions) => readAll(pool, decoder, readOptions),
    readByCorrelationId: (correlationId) => readByCorrelationId(pool, decoder, correlationId),
    streamVersion: (streamId) => streamVersion(pool, streamId),
    subscribe: (subscription) => createSubscriptionRunner({ pool, decoder }, subscription),
    subscriptionStatus: (name) => subscriptionStatus(pool, name),
    startSubscriptionAtEnd: (name) => startSubscriptionAtEnd(pool, name),
    resetSubscription: (name, resetOptions) => resetSubscription(pool, name, resetOptions),
    eraseSubject: (subjectId) => eraseSubjectKey(pool, subjectId),
  };
}
