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
    ...(Object.keys(state.answers).length > 0 ? { answers: { ...state.answers } } : {}),
    createdAt: new Date(state.createdAt).toISOString(),
    updatedAt: new Date(state.updatedAt).toISOString(),
    version,
  };
}
