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

export interface CompleteBooking extends BookingCommandBase {
  type: "CompleteBooking";
}

export interface MarkNoShow extends BookingCommandBase {
  type: "MarkNoShow";
}

export interface ExpireHold extends BookingCommandBase {
  type: "ExpireHold";
}

/** PATCH semantics: absent fields stay as booked; the result is checked like a new request. */
export interface BookingMove {
  checkIn?: LocalDate;
  checkOut?: LocalDate;
  start?: string;
  resourceIds?: readonly string[];
  guests?: number;
}

/**
 * One change of an existing booking, decided as a whole: if any part is refused, nothing is
 * recorded. `move` places it anew (a move without fields moves nothing); `notes: null`
 * clears the notes; `answers` replaces all answers. Absent parts stay as they are.
 */
export interface ChangeBooking extends BookingCommandBase {
  type: "ChangeBooking";
  move?: BookingMove;
  notes?: string | null;
  answers?: BookingAnswers;
  context: BookingContext;
}

export type BookingCommand =
  | HoldBooking
  | RequestBooking
  | SubmitHold
  | ConfirmBooking
  | RejectBooking
  | CancelBooking
  | ChangeBooking
  | CompleteBooking
  | MarkNoShow
  | ExpireHold;

export type CreateBooking = HoldBooking | RequestBooking;

type WithoutBase<Command> = Omit<Command, keyof BookingCommandBase>;

/**
 * Staff decisions that need no catalog, without the booking and the actor; the caller adds
 * those: `{ ...change, bookingId, actor }` is a `BookingCommand`.
 */
export type StatusChange =
  | WithoutBase<ConfirmBooking>
  | WithoutBase<RejectBooking>
  | WithoutBase<MarkNoShow>;

/** What the clock does to bookings: expiring run-out holds, completing ended bookings. */
export type BookingJob = ExpireHold | CompleteBooking;

/** A job's command for one booking, recorded as the system's. */
export function bookingJob(type: BookingJob["type"], bookingId: string): BookingJob {
  return { type, bookingId, actor: { system: true } };
}
