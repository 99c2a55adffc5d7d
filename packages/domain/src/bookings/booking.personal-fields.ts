import type { BookingEventType } from "./booking.events.ts";

/**
 * The fields of each booking event's `data` (dotted paths into nested objects) that are a
 * person's data and must be encrypted with their key, so erasure shreds them: a guest's
 * contact, the answers to booking questions (a licence plate names its keeper), notes and
 * reasons (free text about the booker). A member's `bookedBy.userId` stays readable: it is
 * a pseudonym that "my bookings" filters on, and it names nobody once the user is erased.
 */
const DETAILS = ["bookedBy.guest.name", "bookedBy.guest.email", "bookedBy.guest.phone"];

export const BOOKING_PERSONAL_FIELDS: Readonly<Record<BookingEventType, readonly string[]>> =
  Object.freeze({
    BookingHeld: [...DETAILS, "notes", "answers"],
    BookingRequested: [...DETAILS, "notes", "answers"],
    BookingConfirmed: [],
    BookingRejected: ["reason"],
    BookingCancelled: ["reason"],
    BookingRescheduled: [],
    BookingCompleted: [],
    BookingMarkedNoShow: [],
    HoldExpired: [],
    BookingEdited: ["notes", "answers"],
  });
