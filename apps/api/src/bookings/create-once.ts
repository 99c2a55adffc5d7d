import type { CreateBookingInput, SubmitHoldInput } from "@booking/contracts";
import type { AppContext } from "../context/app-context.ts";
import { type CreatedBooking, createBooking, submitHold } from "./bookings.service.ts";
import { once } from "./idempotency.ts";

/** Idempotency keys are scoped to the caller (docs/api.md): a user, a booking token, an address. */
function idempotencyScope(ctx: AppContext): string {
  const { principal } = ctx;
  if (principal.kind === "user") return `user:${principal.userId}`;
  if (principal.kind === "guest") return `booking:${principal.bookingId}`;
  return `address:${ctx.clientAddress}`;
}

/** POST /bookings with a create body, run once per Idempotency-Key when one is given. */
export function requestBookingOnce(
  ctx: AppContext,
  booking: CreateBookingInput,
  idempotencyKey: string | undefined,
): Promise<CreatedBooking> {
  if (!idempotencyKey) return createBooking(ctx, booking, "RequestBooking");
  return once(ctx.deps.database, idempotencyScope(ctx), idempotencyKey, booking, (record) =>
    createBooking(ctx, booking, "RequestBooking", record),
  );
}

/** POST /bookings with `{holdId}`, run once per Idempotency-Key when one is given. */
export function submitHoldOnce(
  ctx: AppContext,
  submit: SubmitHoldInput,
  idempotencyKey: string | undefined,
): Promise<CreatedBooking> {
  if (!idempotencyKey) return submitHold(ctx, submit);
  return once(ctx.deps.database, idempotencyScope(ctx), idempotencyKey, submit, (record) =>
    submitHold(ctx, submit, record),
  );
}
