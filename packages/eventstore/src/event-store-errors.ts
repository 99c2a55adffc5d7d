import type { ExpectedVersion } from "./expected-version.ts";

/** Every error this package throws on purpose; `code` is stable so the api maps it once. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class ConcurrencyConflictError extends EventStoreError {
  readonly code = "CONCURRENCY_CONFLICT";
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  /** The stream's version when the append was refused; 0 when the stream does not exist. */
  readonly actualVersion: number;

  constructor(streamId: string, expectedVersion: ExpectedVersion, actualVersion: number) {
    super(
      `Stream "${streamId}": expected version ${String(expectedVersion)}, actual ${actualVersion}`,
    );
    this.name = "ConcurrencyConflictError";
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** A retry that overlaps a committed append only partly, or reuses event ids elsewhere. */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = "IDEMPOTENCY_CONFLICT";
  readonly streamId: string;
  readonly eventIds: readonly string[];

  constructor(streamId: string, eventIds: readonly string[], detail: string) {
    super(`Stream "${streamId}": ${detail}`);
    this.name = "IdempotencyConflictError";
    this.streamId = streamId;
    this.eventIds = eventIds;
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = "INVALID_APPEND";

  constructor(message: string) {
    super(message);
    this.name = "InvalidAppendError";
  }
}

/**
 * An inline projection threw or violated a constraint; the append was rolled back.
 * `sqlState` and `constraint` come from PostgreSQL (e.g. 23P01 for an exclusion constraint).
 */
export class InlineProjectionError extends EventStoreError {
  readonly code = "INLINE_PROJECTION_FAILED";
  readonly projection: string;
  readonly sqlState: string | undefined;
  readonly constraint: string | undefined;

  constructor(projection: string, cause: unknown) {
    const database = databaseErrorFields(cause);
    super(`Inline projection "${projection}" failed: ${messageOf(cause)}`, { cause });
    this.name = "InlineProjectionError";
    this.projection = projection;
    this.sqlState = database.sqlState;
    this.constraint = database.constraint;
  }
}

/**
 * A write the caller passed with the append (`alsoWrite`) failed, e.g. violated a
 * constraint; nothing of the append was written (no event, no projected row, no write).
 * `sqlState`, `constraint` and `table` come from PostgreSQL: 23505 with the table's unique
 * constraint for a key that is already taken. Reported instead of the projections' errors:
 * the caller's writes count first, as if they ran before the projections.
 */
export class AppendWriteError extends EventStoreError {
  readonly code = "APPEND_WRITE_FAILED";
  readonly streamId: string;
  readonly sqlState: string | undefined;
  readonly constraint: string | undefined;
  readonly table: string | undefined;

  constructor(streamId: string, cause: unknown) {
    const database = databaseErrorFields(cause);
    super(`Stream "${streamId}": a write passed with the append failed: ${messageOf(cause)}`, {
      cause,
    });
    this.name = "AppendWriteError";
    this.streamId = streamId;
    this.sqlState = database.sqlState;
    this.constraint = database.constraint;
    this.table = database.table;
  }
}

export class SubscriptionHandlerError extends EventStoreError {
  readonly code = "SUBSCRIPTION_HANDLER_FAILED";
  readonly subscription: string;

  constructor(subscription: string, cause: unknown) {
    super(`Subscription "${subscription}" stopped: ${messageOf(cause)}`, { cause });
    this.name = "SubscriptionHandlerError";
    this.subscription = subscription;
  }
}

export class EncryptionKeyMissingError extends EventStoreError {
  readonly code = "MASTER_KEY_MISSING";

  constructor() {
    super("Events carry personal data but the event store has no 32-byte masterKey");
    this.name = "EncryptionKeyMissingError";
  }
}

export class ImportError extends EventStoreError {
  readonly code = "IMPORT_FAILED";

  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

export function databaseErrorFields(error: unknown): {
  sqlState: string | undefined;
  constraint: string | undefined;
  table: string | undefined;
} {
  if (typeof error !== "object" || error === null) {
    return { sqlState: undefined, constraint: undefined, table: undefined };
  }
  const { code, constraint, table } = error as {
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
  };
  return {
    sqlState: typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined,
    constraint: typeof constraint === "string" ? constraint : undefined,
    table: typeof table === "string" ? table : undefined,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
