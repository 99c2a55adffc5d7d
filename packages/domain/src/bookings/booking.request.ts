import type { LocalDate, Money } from "../catalog/catalog.types.ts";

/**
 * What is asked for, in the public create body's shape (docs/api.md): a stay names `checkIn` and
 * `checkOut` (the venue's local dates), a slot its `start` instant. The api fills in the
 * resource of a slot booking that left it open before deciding, so `resourceIds` is given.
 */
export interface BookingRequest {
  offeringId: string;
  resourceIds: readonly string[];
  checkIn?: LocalDate;
  checkOut?: LocalDate;
  start?: string;
  guests: number;
}

/** A guest's contact: personal data (see booking.personal-fields.ts). */
export interface GuestContact {
  name: string;
  email: string;
  phone: string;
  /** The language of the mails about the booking; absent: the venue's. */
  language?: "de" | "en";
}

export type BookedBy = { userId: string } | { guest: GuestContact };

/** Answers to the offering's booking questions, by question key; personal data too. */
export type BookingAnswers = Readonly<Record<string, string | number>>;

/**
 * A request placed in time: instants in UTC ISO, stays also with their local dates. `start`
 * and `end` are what the booker gets; `blockedStart`/`blockedEnd` add the slot's buffers and
 * are what the reservations projection must keep free of overlaps.
 */
export interface BookingPlacement {
  mode: "stay" | "slot";
  resourceIds: string[];
  guests: number;
  start: string;
  end: string;
  blockedStart: string;
  blockedEnd: string;
  checkIn: LocalDate | null;
  checkOut: LocalDate | null;
}

/** Everything a booking is, as its creating events carry it. */
export interface BookingDetails extends BookingPlacement {
  venueId: string;
  offeringId: string;
  price: Money;
  bookedBy: BookedBy;
  notes: string | null;
  answers: BookingAnswers;
}

export function isGuestBooking(bookedBy: BookedBy): bookedBy is { guest: GuestContact } {
  return "guest" in bookedBy;
}
