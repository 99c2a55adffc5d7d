import type { BookingEventType } from "./booking.events.ts";
import type { BookingStateStatus } from "./booking.status.ts";

/**
 * The lifecycle written out independently of the decider, for the property tests: status →
 * event → the statuses it may lead to. Events that carry their resulting status
 * (BookingRescheduled) list every status they may name. A request is always pending; where
 * the venue needs no approval, the decision's next event confirms it.
 */
export const LEGAL_TRANSITIONS: Record<
  BookingStateStatus,
  Partial<Record<BookingEventType, readonly BookingStateStatus[]>>
> = {
  not_existing: { BookingHeld: ["held"], BookingRequested: ["pending"] },
  held: {
    BookingRequested: ["pending"],
    HoldExpired: ["expired"],
    BookingCancelled: ["cancelled"],
    BookingEdited: ["held"],
  },
  pending: {
    BookingConfirmed: ["confirmed"],
    BookingRejected: ["rejected"],
    BookingCancelled: ["cancelled"],
    BookingRescheduled: ["pending"],
    BookingEdited: ["pending"],
  },
  confirmed: {
    BookingCompleted: ["completed"],
    BookingCancelled: ["cancelled"],
    BookingMarkedNoShow: ["no_show"],
    BookingRescheduled: ["confirmed", "pending"],
    BookingEdited: ["confirmed"],
  },
  completed: {},
  rejected: {},
  cancelled: {},
  expired: {},
  no_show: {},
};

/** Written out again rather than imported, so a wrong BLOCKING_STATUSES fails the test. */
export const EXPECTED_BLOCKING = ["held", "pending", "confirmed"];
