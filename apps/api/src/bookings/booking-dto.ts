import type { BookingDto } from "@booking/contracts";
import type { ExistingBooking } from "@booking/domain";

/** The public booking object of docs/api.md, from the aggregate's state. */
export function toBookingDto(state: ExistingBooking, version: number): BookingDto {
  return {
    id: state.bookingId,
    venueId: state.venueId,
    offeringId: state.offeringId,
    resourceIds: [...state.resourceIds],
    start: new Date(state.start).toISOString(),
    end: new Date(state.end).toISOString(),
    ...(state.checkIn ? { checkIn: state.checkIn } : {}),
    ...(state.checkOut ? { checkOut: state.checkOut } : {}),
    guests: state.guests,
    status: state.status,
    ...(state.status === "held" && state.holdExpiresAt
      ? { holdExpiresAt: new Date(state.holdExpiresAt).toISOString() }
      : {}),
    price: state.price,
    bookedBy:
      "userId" in state.bookedBy
        ? { userId: state.bookedBy.userId }
        : { guest: { ...state.bookedBy.guest } },
    ...(state.notes ? { notes: state.notes } : {}),
    ...(hasAnswers(state.answers) ? { answers: { ...state.answers } } : {}),
    createdAt: new Date(state.createdAt).toISOString(),
    updatedAt: new Date(state.updatedAt).toISOString(),
    version,
  };
}

/**
 * Erasure shreds the answers as one field: they read back as the "[erased]" marker in place
 * of the object, question keys included. Such a booking shows no answers (its notes say
 * "[erased]"), rather than the marker spread into one "answer" per character.
 */
function hasAnswers(answers: unknown): answers is Record<string, string | number> {
  return typeof answers === "object" && answers !== null && Object.keys(answers).length > 0;
}
