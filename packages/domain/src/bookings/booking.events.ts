import type { Money } from "../catalog/catalog.types.ts";
import type { HistoryActor } from "./booking.actor.ts";
import type { BookingAnswers, BookingDetails, BookingPlacement } from "./booking.request.ts";

/**
 * Events follow the event store's `{ type, data }` shape. Each carries the booking id, the
 * decision's time and its author (`by`), so the history read model needs nothing else; the
 * creating events and `BookingRescheduled` carry the whole placement and price, so the
 * reservations, calendar and statistics rebuild from events alone.
 */
interface BookingEventData {
  bookingId: string;
  at: string;
  by: HistoryActor;
}

export type BookingHeld = {
  type: "BookingHeld";
  data: BookingEventData & BookingDetails & { holdExpiresAt: string };
};
/**
 * A booking made directly or by submitting a hold (same id). Always the full details, so a
 * read model upserts without looking back. The decider writes `status: "pending"`: where the
 * venue needs no approval, a `BookingConfirmed` by the system follows in the same decision.
 * Streams recorded before that have `status: "confirmed"` here and no `BookingConfirmed`;
 * events are never rewritten, so every fold must keep taking them.
 */
export type BookingRequested = {
  type: "BookingRequested";
  data: BookingEventData &
    BookingDetails & { status: "pending" | "confirmed"; submittedHold: boolean };
};
/** By staff approving a request, or by the system where the venue's policy approves all. */
export type BookingConfirmed = { type: "BookingConfirmed"; data: BookingEventData };
export type BookingRejected = {
  type: "BookingRejected";
  data: BookingEventData & { reason: string };
};
/** `overrodeNotice`: staff cancelled inside the cancellation notice, which bookers may not. */
export type BookingCancelled = {
  type: "BookingCancelled";
  data: BookingEventData & { reason: string | null; overrodeNotice: boolean };
};
/** `status` after the move: a confirmed stay that reaches beyond what was approved re-queues. */
export type BookingRescheduled = {
  type: "BookingRescheduled";
  data: BookingEventData &
    Omit<BookingPlacement, "mode"> & { price: Money; status: "pending" | "confirmed" };
};
export type BookingCompleted = { type: "BookingCompleted"; data: BookingEventData };
export type BookingMarkedNoShow = { type: "BookingMarkedNoShow"; data: BookingEventData };
export type HoldExpired = { type: "HoldExpired"; data: BookingEventData };
/** Only the fields that changed are present; `notes: null` clears them. */
export type BookingEdited = {
  type: "BookingEdited";
  data: BookingEventData & {
    notes?: string | null;
    answers?: BookingAnswers;
  };
};

export type BookingEvent =
  | BookingHeld
  | BookingRequested
  | BookingConfirmed
  | BookingRejected
  | BookingCancelled
  | BookingRescheduled
  | BookingCompleted
  | BookingMarkedNoShow
  | HoldExpired
  | BookingEdited;

export type BookingEventType = BookingEvent["type"];

/**
 * Every booking event type, once: the read models that follow bookings subscribe to these.
 * A type added to BookingEvent but not here fails to compile.
 */
export const BOOKING_EVENT_TYPES = [
  "BookingHeld",
  "BookingRequested",
  "BookingConfirmed",
  "BookingRejected",
  "BookingCancelled",
  "BookingRescheduled",
  "BookingCompleted",
  "BookingMarkedNoShow",
  "HoldExpired",
  "BookingEdited",
] as const satisfies readonly BookingEventType[];

// The check itself: `true` is assignable only when no event type is missing from the list.
type Missing = Exclude<BookingEventType, (typeof BOOKING_EVENT_TYPES)[number]>;
const everyTypeListed: [Missing] extends [never] ? true : Missing = true;
void everyTypeListed;
