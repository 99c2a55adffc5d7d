import type {
  BookingDto,
  OfferingDto,
  ResourceDto,
  Role,
  UserStatus,
  VenueDto,
} from "@booking/contracts";
import type { ExistingBooking, NotificationKind } from "@booking/domain";
import type { ColumnType, Generated, SelectType } from "kysely";

/**
 * The api's tables as its migrations (db/migrations) leave them, for `Kysely<Database>`.
 * A migration that adds or changes a column changes this interface and `databaseColumns`
 * below; schema.int.test.ts compares both with the migrated database.
 *
 * The event store's tables (`eventstore_*`) belong to packages/eventstore: the api never
 * queries them, so they are not here.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  rate_limit_hits: RateLimitHitsTable;
  venues: VenuesTable;
  resources: ResourcesTable;
  offerings: OfferingsTable;
  reservations: ReservationsTable;
  bookings: BookingsTable;
  idempotency_keys: IdempotencyKeysTable;
  projection_rebuilds: ProjectionRebuildsTable;
  statistics_venues: StatisticsVenuesTable;
  statistics_bookings: StatisticsBookingsTable;
  statistics_monthly: StatisticsMonthlyTable;
  calendar_entries: CalendarEntriesTable;
  notifications: NotificationsTable;
  notification_attempts: NotificationAttemptsTable;
  calendar_feeds: CalendarFeedsTable;
}

/** timestamptz: read as a Date (pg's parser); written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** bigint: pg reads it as a decimal string (it may exceed 2^53); written as a number. */
export type Int8 = ColumnType<string, number | string, number | string>;

/** jsonb whose shape the writer guarantees: pg parses it on read, serializes objects on write. */
export type Json<T> = ColumnType<T, T, T>;

// ---- identity (20261122_0101_identity) ----

/** Read model of the user aggregate (users.projection.ts). */
export interface UsersTable {
  id: string;
  /** HMAC of the normalized e-mail address (unique); null once erased. */
  email_lookup: string | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  /** "de" | "en" when the person chose one. */
  language: string | null;
  role: Role;
  status: UserStatus;
  password_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** bytea: the SHA-256 of the token's secret. */
  secret_hash: Buffer;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** Unlogged fixed-window counters (rate-limit/rate-limiter.ts). */
export interface RateLimitHitsTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

// ---- catalog (20261122_0201_catalog) ----

/** Read models of the catalog streams: the whole entity is `data`, columns are for queries. */
export interface VenuesTable {
  id: string;
  data: Json<VenueDto>;
  name: string;
  postal_code: string | null;
  /** double precision */
  lat: number | null;
  /** double precision */
  lng: number | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResourcesTable {
  id: string;
  venue_id: string;
  data: Json<ResourceDto>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OfferingsTable {
  id: string;
  venue_id: string;
  data: Json<OfferingDto>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// ---- bookings (20261122_0301_bookings) ----

/** The reservations the exclusion constraint keeps apart (bookings.projection.ts writes them). */
export interface ReservationsTable {
  booking_id: string;
  resource_id: string;
  /**
   * tstzrange, as PostgreSQL prints it (`["2027-05-01 13:00:00+00","2027-05-03 08:00:00+00")`);
   * build one with sql`tstzrange(${start}, ${end})`.
   */
  period: string;
  blocking: boolean;
}

export type BookingStatus = BookingDto["status"];

/** Read model of the booking streams: `data` is the aggregate's state (the fold of its events). */
export interface BookingsTable {
  id: string;
  venue_id: string;
  offering_id: string;
  /** Null for a guest's booking. */
  user_id: string | null;
  status: BookingStatus;
  start_at: Timestamp;
  end_at: Timestamp;
  hold_expires_at: Timestamp | null;
  data: Json<ExistingBooking>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

/** Idempotency-Key records (bookings/idempotency.ts). */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  /**
   * 200: the stored answer, written with the booking; 400: a remembered refusal (ADR 10).
   * Nullable since the first schema, when a key was claimed before its request ran.
   */
  status_code: number | null;
  /** The answer the first request got (any JSON). */
  response: Json<unknown> | null;
  /** DEFAULT now() */
  created_at: Generated<Date>;
}

// ---- asynchronous projections (20261122_0501_projection_rebuilds) ----

/** A rebuild in progress (projections/projection-rebuild.ts); deleted by its swap. */
export interface ProjectionRebuildsTable {
  name: string;
  requested_at: Timestamp;
  requested_by: string | null;
}

// ---- statistics (20261122_0502_statistics), written by statistics.projection.ts ----

export interface StatisticsVenuesTable {
  venue_id: string;
  time_zone: string;
}

/** A requested booking and what it counts (`StatisticsBooking` of the domain). */
export interface StatisticsBookingsTable {
  booking_id: string;
  venue_id: string;
  mode: "stay" | "slot";
  status: BookingStatus;
  /** "YYYY-MM", the venue's local month of the start. */
  month: string;
  guests: number;
  nights: number;
  revenue: Int8;
  /** Occupied room-nights or booked resource-minutes per month. */
  usage: Json<Record<string, number>>;
}

/** Sums per venue and month (`MonthFigures` of the domain); no row is all zeros. */
export interface StatisticsMonthlyTable {
  venue_id: string;
  month: string;
  bookings: number;
  confirmed: number;
  cancelled: number;
  guests: number;
  nights: number;
  revenue: Int8;
  room_nights: number;
  slot_minutes: Int8;
}

// ---- calendar (20261122_0801_calendar), written by calendar.projection.ts ----

/**
 * A booking on one of its resources, for the bookings a calendar shows (held, pending,
 * confirmed, completed, no-show). No personal data: labels are joined at query time.
 */
export interface CalendarEntriesTable {
  booking_id: string;
  resource_id: string;
  venue_id: string;
  status: BookingStatus;
  start_at: Timestamp;
  end_at: Timestamp;
  /** A stay's local dates, "YYYY-MM-DD"; null for a slot. */
  check_in: string | null;
  check_out: string | null;
  /** The booker; null for a guest's booking. */
  user_id: string | null;
}

// ---- notifications and feeds (20261122_0901_notifications) ----

export type { NotificationKind };

/** `cancelled`: a reminder whose booking was cancelled or moved before it was due. */
export type NotificationStatus = "pending" | "sent" | "failed" | "cancelled";

/** The outbox: one mail owed to one recipient (notifications/notification.reactor.ts). */
export interface NotificationsTable {
  id: string;
  kind: NotificationKind;
  /** The event that owes the mail (for a reminder: the one that scheduled it). */
  event_id: string;
  booking_id: string | null;
  /** The booking's version after that event: the state the mail describes. */
  booking_version: number | null;
  /** The recipient's account; null for a guest. */
  user_id: string | null;
  /** The address; null once the recipient's data is erased. */
  recipient: string | null;
  language: "de" | "en";
  /** `<…@host>`, derived from the event and the recipient; a retry reuses it. */
  message_id: string;
  status: NotificationStatus;
  due_at: Timestamp;
  next_attempt_at: Timestamp;
  /** Hand-offs to the transport so far. */
  attempts: Generated<number>;
  /** `attempts` when an admin last requeued it: back-off and give-up count from there. */
  attempts_at_requeue: Generated<number>;
  last_error: string | null;
  /** The composed RFC 5322 message, stored before the first hand-off; null until then. */
  message: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export interface NotificationAttemptsTable {
  notification_id: string;
  attempt: number;
  at: Timestamp;
  outcome: "sent" | "failed";
  error: string | null;
}

/** A private iCalendar subscription (feeds/); only the token's hash is kept. */
export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  /** Set: every booking of this venue (admins); null: the user's own bookings. */
  venue_id: string | null;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
}

/** Whether a column's value read back may be null. */
type Nullable<C> = null extends SelectType<C> ? true : false;

/**
 * Every column of every table, with whether it is nullable: what schema.int.test.ts checks
 * against `information_schema.columns`. The type keeps it equal to the interface: a table
 * or column missing here, an extra one, or a different nullability does not compile.
 */
export const databaseColumns = {
  users: {
    id: false,
    email_lookup: true,
    email: true,
    name: true,
    phone: true,
    language: true,
    role: false,
    status: false,
    password_hash: true,
    created_at: false,
    updated_at: false,
    version: false,
  },
  sessions: {
    id: false,
    user_id: false,
    created_at: false,
    expires_at: false,
    revoked_at: true,
  },
  api_tokens: {
    id: false,
    user_id: false,
    name: false,
    secret_hash: false,
    created_at: false,
    last_used_at: true,
    revoked_at: true,
  },
  rate_limit_hits: { bucket: false, window_start: false, hits: false },
  venues: {
    id: false,
    data: false,
    name: false,
    postal_code: true,
    lat: true,
    lng: true,
    version: false,
    created_at: false,
    updated_at: false,
  },
  resources: {
    id: false,
    venue_id: false,
    data: false,
    version: false,
    created_at: false,
    updated_at: false,
  },
  offerings: {
    id: false,
    venue_id: false,
    data: false,
    version: false,
    created_at: false,
    updated_at: false,
  },
  reservations: { booking_id: false, resource_id: false, period: false, blocking: false },
  bookings: {
    id: false,
    venue_id: false,
    offering_id: false,
    user_id: true,
    status: false,
    start_at: false,
    end_at: false,
    hold_expires_at: true,
    data: false,
    created_at: false,
    updated_at: false,
    version: false,
  },
  idempotency_keys: {
    scope: false,
    key: false,
    request_hash: false,
    status_code: true,
    response: true,
    created_at: false,
  },
  projection_rebuilds: { name: false, requested_at: false, requested_by: true },
  statistics_venues: { venue_id: false, time_zone: false },
  statistics_bookings: {
    booking_id: false,
    venue_id: false,
    mode: false,
    status: false,
    month: false,
    guests: false,
    nights: false,
    revenue: false,
    usage: false,
  },
  statistics_monthly: {
    venue_id: false,
    month: false,
    bookings: false,
    confirmed: false,
    cancelled: false,
    guests: false,
    nights: false,
    revenue: false,
    room_nights: false,
    slot_minutes: false,
  },
  calendar_entries: {
    booking_id: false,
    resource_id: false,
    venue_id: false,
    status: false,
    start_at: false,
    end_at: false,
    check_in: true,
    check_out: true,
    user_id: true,
  },
  notifications: {
    id: false,
    kind: false,
    event_id: false,
    booking_id: true,
    booking_version: true,
    user_id: true,
    recipient: true,
    language: false,
    message_id: false,
    status: false,
    due_at: false,
    next_attempt_at: false,
    attempts: false,
    attempts_at_requeue: false,
    last_error: true,
    message: true,
    created_at: false,
    updated_at: false,
    sent_at: true,
  },
  notification_attempts: {
    notification_id: false,
    attempt: false,
    at: false,
    outcome: false,
    error: true,
  },
  calendar_feeds: {
    id: false,
    user_id: false,
    venue_id: true,
    name: false,
    token_hash: false,
    created_at: false,
    revoked_at: true,
  },
} as const satisfies {
  [T in keyof Database]: { [C in keyof Database[T]]: Nullable<Database[T][C]> };
};
