import type { BookingEvent } from "./booking.events.ts";
import type { BookingDetails } from "./booking.request.ts";
import type { BookingStatus } from "./booking.status.ts";

export interface NotExistingBooking {
  status: "not_existing";
}

/** Plain JSON (strings, no Dates) so the event store can snapshot it. */
export interface ExistingBooking extends BookingDetails {
  status: BookingStatus;
  bookingId: string;
  holdExpiresAt: string | null;
  /** Why it was rejected or cancelled, as recorded. */
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export type BookingState = NotExistingBooking | ExistingBooking;

export const initialBookingState: BookingState = Object.freeze({ status: "not_existing" });

export function bookingExists(state: BookingState): state is ExistingBooking {
  return state.status !== "not_existing";
}

/**
 * Folds one event. Events the state cannot take (which `decideBooking` never produces) leave
 * it unchanged rather than throw, so a stream read back after crypto-shredding still loads.
 */
export function evolveBooking(state: BookingState, event: BookingEvent): BookingState {
  if (event.type === "BookingHeld" || event.type === "BookingRequested") {
    const { at, bookingId } = event.data;
    return {
      ...pickDetails(event.data),
      bookingId,
      status: event.type === "BookingHeld" ? "held" : event.data.status,
      holdExpiresAt: event.type === "BookingHeld" ? event.data.holdExpiresAt : null,
      reason: null,
      createdAt: bookingExists(state) ? state.createdAt : at,
      updatedAt: at,
    };
  }
  if (!bookingExists(state)) return state;
  const updatedAt = event.data.at;
  switch (event.type) {
    case "BookingConfirmed":
      return { ...state, status: "confirmed", updatedAt };
    case "BookingRejected":
      return { ...state, status: "rejected", reason: event.data.reason, updatedAt };
    case "BookingCancelled":
      return { ...state, status: "cancelled", reason: event.data.reason, updatedAt };
    case "BookingCompleted":
      return { ...state, status: "completed", updatedAt };
    case "BookingMarkedNoShow":
      return { ...state, status: "no_show", updatedAt };
    case "HoldExpired":
      return { ...state, status: "expired", updatedAt };
    case "BookingRescheduled": {
      const { resourceIds, guests, start, end, blockedStart, blockedEnd, checkIn, checkOut } =
        event.data;
      const { price, status } = event.data;
      const placement = { resourceIds, guests, start, end, blockedStart, blockedEnd };
      return { ...state, ...placement, checkIn, checkOut, price, status, updatedAt };
    }
    case "BookingEdited": {
      const { notes, answers } = event.data;
      const next = { ...state, updatedAt };
      if (notes !== undefined) next.notes = notes;
      if (answers !== undefined) next.answers = answers;
      return next;
    }
  }
}

// Field by field, so nothing of an event's own (author, flags) leaks into the state.
export function pickDetails(data: BookingDetails): BookingDetails {
  return {
    venueId: data.venueId,
    offeringId: data.offeringId,
    mode: data.mode,
    resourceIds: data.resourceIds,
    guests: data.guests,
    start: data.start,
    end: data.end,
    blockedStart: data.blockedStart,
    blockedEnd: data.blockedEnd,
    checkIn: data.checkIn,
    checkOut: data.checkOut,
    price: data.price,
    bookedBy: data.bookedBy,
    notes: data.notes,
    answers: data.answers,
  };
}
