import type { AppContext } from "../context/app-context.ts";
import {
  type CreateBookingBody,
  type CreatedBooking,
  createBooking,
  submitHold,
} from "./bookings.service.ts";
import { once } from "./idempotency.ts";

/** Idempotency keys are scoped to the caller (api.md): a user, a booking token, an address. */
function idempotencyScope(ctx: AppContext): string {
  const { principal } = ctx;
  if (principal.kind === "user") return `user:${principal.userId}`;
  if (principal.kind === "guest") return `booking:${principal.bookingId}`;
  return `address:${ctx.clientAddress}`;
}

/** POST /bookings with a create body, run once per Idempotency-Key when one is given. */
export function requestBookingOnce(
  ctx: AppContext,
  booking: CreateBookingBody,
  idempotencyKey: string | undefined,
): Promise<CreatedBooking> {
  const work = () => createBooking(ctx, booking, "RequestBooking");
  if (!idempotencyKey) return work();
  return once(ctx.deps.database.pool, idempotencyScope(ctx), idempotencyKey, booking, work);
}

/** POST /bookings with `{holdId}`, run once per Idempotency-Key when one is given. */
export function submitHoldOnce(
  ctx: AppContext,
  submit: Parameters<typeof submitHold>[1],
  idempotencyKey: string | undefined,
): Promise<CreatedBooking> {
  const work = () => submitHold(ctx, submit);
  if (!idempotencyKey) return work();
  return once(ctx.deps.database.pool, idempotencyScope(ctx), idempotencyKey, submit, work);
}
