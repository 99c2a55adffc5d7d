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
} {
  if (typeof error !== "object" || error === null) {
    return { sqlState: undefined, constraint: undefined };
  }
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return {
    sqlState: typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined,
    constraint: typeof constraint === "string" ? constraint : undefined,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
