import type { BookingDto, User } from "@booking/contracts";

export interface Booker {
  name: string;
  email: string;
  phone?: string | undefined;
  /** Booked without an account, with the contact given on the booking. */
  guest: boolean;
}

/**
 * Who made a booking: a guest's contact is on the booking itself, a member's is looked up
 * among `people` (undefined until it has been read).
 */
export function bookerOf(
  booking: Pick<BookingDto, "bookedBy">,
  people: ReadonlyMap<string, User>,
): Booker | undefined {
  if ("guest" in booking.bookedBy) {
    const { name, email, phone } = booking.bookedBy.guest;
    return { name, email, phone, guest: true };
  }
  const user = people.get(booking.bookedBy.userId);
  return user && { name: user.name, email: user.email, phone: user.phone, guest: false };
}

/** The members named by some bookings (their bookers), each once: whom to look up. */
export function memberIdsOf(bookings: readonly Pick<BookingDto, "bookedBy">[]): string[] {
  const ids = bookings.flatMap((booking) =>
    "userId" in booking.bookedBy ? [booking.bookedBy.userId] : [],
  );
  return [...new Set(ids)].sort();
}
