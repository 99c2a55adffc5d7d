import { bookingExists } from "@booking/domain";
import type { AppContext } from "../context/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { redactNotifications } from "../notifications/notification-erasure.ts";
import { toBookingDto } from "./booking-dto.ts";
import { forgetStoredResponses, rewriteFromEvents } from "./booking-erasure.ts";
import { loadBooking } from "./booking-stream.ts";

/**
 * GDPR erasure of a guest (not a user) on request, by an admin or by the guest with the
 * booking's manage token (another booking's token finds nothing): the booking's own key is
 * destroyed, so the guest's contact, notes and answers read back as erased from every
 * event; the read model is rewritten from those events. The booking stays, for statistics.
 *
 * Every copy goes (booking-erasure.ts): first the stored answers of Idempotency-Keys that
 * hold the booking, whatever their scope (an anonymous create's, under the client's
 * address, holds the contact and the manage token), then the key, then the row, then the
 * mails to and about the guest in the outbox and its directory. Each step
 * is idempotent: a crash in between leaves the request unanswered, and the retry (the same
 * DELETE, by the admin or the guest) finishes it.
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
  await forgetStoredResponses(ctx.deps, {
    scopes: [`booking:${bookingId}`],
    bookingIds: [bookingId],
  });
  await ctx.deps.eventStore.eraseSubject(bookingId);
  const rewritten = await rewriteFromEvents(ctx.deps, bookingId);
  if (!rewritten) throw new AppError("NOT_FOUND", "No such booking.");
  await redactNotifications(ctx.deps, { userId: null, bookingIds: [bookingId] });
  return toBookingDto(rewritten.state, rewritten.version);
}
