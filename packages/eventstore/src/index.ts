export {
  type AggregateDefinition,
  type LoadedAggregate,
  loadAggregate,
  type SnapshotPolicy,
} from "./aggregate.ts";
export type { AppendOptions, AppendResult } from "./append-to-stream.ts";
export type { AppendToStreamsOptions, AppendToStreamsResult } from "./append-to-streams.ts";
export { createEventStore, type EventStore, type EventStoreOptions } from "./event-store.ts";
export {
  AppendWriteError,
  ConcurrencyConflictError,
  EncryptionKeyMissingError,
  EventStoreError,
  IdempotencyConflictError,
  ImportError,
  InlineProjectionError,
  InvalidAppendError,
  SubscriptionHandlerError,
} from "./event-store-errors.ts";
export {
  type Actor,
  compareLogPositions,
  type DomainEvent,
  type EventMetadata,
  LOG_START,
  type LogPosition,
  logPositionOf,
  type NewEvent,
  type PersonalData,
  type RecordedEvent,
  type RecordedEventMetadata,
} from "./event-types.ts";
export {
  ANY_VERSION,
  type ExpectedVersion,
  NO_STREAM,
  STREAM_EXISTS,
} from "./expected-version.ts";
export { ERASED, isErased } from "./field-encryption.ts";
export {
  type AnyInlineProjection,
  defineInlineProjection,
  type InlineProjection,
  type InlineProjectionContext,
  type PlanContext,
  type PlannedEvent,
} from "./inline-projection.ts";
export {
  completeRestoredLog,
  insertStoredEvents,
  insertWrappedSubjectKeys,
  isStoreEmpty,
  positionsAfterCheckpoint,
  readLogWithin,
  readStoredLog,
  readWrappedSubjectKeys,
  replayInlineProjections,
  type StoredLogEvent,
  setSubscriptionCheckpoint,
  type WrappedSubjectKey,
} from "./log-backup.ts";
export { eventStoreMigrations } from "./migrations/index.ts";
export { migrateEventStore } from "./migrations/migrate.ts";
export {
  type AppendedRow,
  type AppendedTables,
  defineWrite,
  type PlannedQuery,
  type PlannedWrite,
  type WriteBuilder,
  writeBuilder,
} from "./planned-write.ts";
export type { StreamAppend } from "./prepared-append.ts";
export type { ReadAllOptions, ReadAllResult } from "./read-events.ts";
export type { ReadStreamOptions } from "./stream-read.ts";
export type {
  ResetOptions,
  SubscriptionState,
  SubscriptionStatus,
} from "./subscription-checkpoints.ts";
export type {
  RunnerState,
  SubscriptionContext,
  SubscriptionOptions,
  SubscriptionRunner,
  SubscriptionRunnerStatus,
} from "./subscription-runner.ts";
export { kyselyOnClient } from "./transaction-kysely.ts";
export type { Upcaster } from "./upcasters.ts";
export { createWakeUp } from "./wake-up.ts";
