import type { LocalDate, Offering, Venue } from "../catalog/catalog.types.ts";
import type { BookingActor } from "./booking.actor.ts";
import type { BookedBy, BookingAnswers, BookingRequest, GuestContact } from "./booking.request.ts";
import type { BookingContext } from "./booking.rule-check.ts";

interface BookingCommandBase {
  /** The booking the command is about: the stream the api loaded (or a new id for creates). */
  bookingId: string;
  actor: BookingActor;
}

/**
 * Creating commands. `bookedBy` is explicit so staff can book for a member or a caller on the
 * phone, and demo data can be loaded by the system; members book only for themselves.
 */
interface CreateBookingFields extends BookingCommandBase {
  request: BookingRequest;
  bookedBy: BookedBy;
  notes?: string | null;
  answers?: BookingAnswers;
  context: BookingContext;
}

/** Blocks the resources for the venue's hold TTL while the booker fills in the form. */
export interface HoldBooking extends CreateBookingFields {
  type: "HoldBooking";
}

export interface RequestBooking extends CreateBookingFields {
  type: "RequestBooking";
}

/** Turns a hold into a booking; the form's last fields may arrive with it. */
export interface SubmitHold extends BookingCommandBase {
  type: "SubmitHold";
  notes?: string | null;
  answers?: BookingAnswers;
  /** Only for guest bookings: the contact as finally entered. */
  guest?: GuestContact;
  context: { venue: Venue; offering: Offering };
}

export interface ConfirmBooking extends BookingCommandBase {
  type: "ConfirmBooking";
}

export interface RejectBooking extends BookingCommandBase {
  type: "RejectBooking";
  reason: string;
}

export interface CancelBooking extends BookingCommandBase {
  type: "CancelBooking";
  reason?: string | null;
  context: { venue: Venue };
}

/** PATCH semantics: absent fields stay as booked; the result is checked like a new request. */
export interface RescheduleBooking extends BookingCommandBase {
  type: "RescheduleBooking";
  change: {
    checkIn?: LocalDate;
    checkOut?: LocalDate;
    start?: string;
    resourceIds?: readonly string[];
    guests?: number;
  };
  context: BookingContext;
}

export interface CompleteBooking extends BookingCommandBase {
  type: "CompleteBooking";
}

export interface MarkNoShow extends BookingCommandBase {
  type: "MarkNoShow";
}

export interface ExpireHold extends BookingCommandBase {
  type: "ExpireHold";
}

/** Details that do not move the booking; `notes: null` clears them, `answers` replaces all. */
export interface EditBooking extends BookingCommandBase {
  type: "EditBooking";
  notes?: string | null;
  answers?: BookingAnswers;
  context: { offering: Offering };
}

export type BookingCommand =
  | HoldBooking
  | RequestBooking
  | SubmitHold
  | ConfirmBooking
  | RejectBooking
  | CancelBooking
  | RescheduleBooking
  | CompleteBooking
  | MarkNoShow
  | ExpireHold
  | EditBooking;
