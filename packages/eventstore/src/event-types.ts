/** The part of an event the domain owns: a past-tense type and a JSON payload. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Who or what caused an event; stored as-is (jsonb). Prefer ids over names: it is not encrypted. */
export type Actor = Record<string, unknown>;

export interface EventMetadata {
  correlationId?: string | null;
  causationId?: string | null;
  actor?: Actor | null;
}

/** Marks top-level or dotted fields of `data` as personal data of one subject (crypto-shredding). */
export interface PersonalData {
  subjectId: string;
  fields: readonly string[];
}

/** An event to append. `eventId` makes retries idempotent: generate it once per intent. */
export type NewEvent<E extends DomainEvent = DomainEvent> = E & {
  eventId?: string;
  schemaVersion?: number;
  metadata?: EventMetadata;
  personal?: PersonalData;
};

/**
 * Where an event sits in the global log. Subscribers order and checkpoint on
 * (transactionId, globalPosition); `transactionId` is a PostgreSQL xid8 kept as a decimal string.
 */
export interface LogPosition {
  transactionId: string;
  globalPosition: number;
}

export const LOG_START: LogPosition = Object.freeze({ transactionId: "0", globalPosition: 0 });

export interface RecordedEventMetadata {
  eventId: string;
  schemaVersion: number;
  streamId: string;
  /** 1 for a stream's first event; versions have no gaps. */
  streamVersion: number;
  globalPosition: number;
  transactionId: string;
  recordedAt: Date;
  correlationId: string | null;
  causationId: string | null;
  actor: Actor | null;
}

export type RecordedEvent<E extends DomainEvent = DomainEvent> = E & RecordedEventMetadata;

export function logPositionOf(event: RecordedEventMetadata): LogPosition {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** Total order of the global log: transaction id first, then position within it. */
export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  return Math.sign(a.globalPosition - b.globalPosition);
}
