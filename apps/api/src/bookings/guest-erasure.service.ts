import { bookingExists } from "@booking/domain";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { toBookingDto } from "./booking-dto.ts";
import { loadBooking } from "./booking-stream.ts";

/**
 * GDPR erasure of a guest (not a user) on request, by an admin or by the guest with the
 * booking's manage token (another booking's token finds nothing): the booking's own key is
 * destroyed, so the guest's contact, notes and answers read back as erased from every
 * event; the read model is rewritten from those events. The booking stays, for statistics.
 */
export async function eraseGuestData(ctx: AppContext, bookingId: string) {
  const { principal } = ctx;
  if (principal.kind === "guest" && principal.bookingId !== bookingId) {
    throw new AppError("NOT_FOUND", "No such booking.");
  }
  const before = await loadBooking(ctx.deps.eventStore, bookingId);
  if (!bookingExists(before.state)) throw new AppError("NOT_FOUND", "No such booking.");
  if (!("guest" in before.state.bookedBy)) {
    throw new AppError(
      "INVALID_STATE",
      "This booking was made by a user; users erase themselves.",
      {
        details: { current: before.state.status },
      },
    );
  }
  await ctx.deps.eventStore.eraseSubject(bookingId);
  const { state, version } = await loadBooking(ctx.deps.eventStore, bookingId);
  if (!bookingExists(state)) throw new AppError("NOT_FOUND", "No such booking.");
  const { db } = ctx.deps.database;
  await db.updateTable("bookings").set({ data: state }).where("id", "=", bookingId).execute();
  await db.deleteFrom("idempotency_keys").where("scope", "=", `booking:${bookingId}`).execute();
  return toBookingDto(state, version);
}
