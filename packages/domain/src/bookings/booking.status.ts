/** The statuses of the public contract (docs/api.md), in lifecycle order. */
export const BOOKING_STATUSES = [
  "held",
  "pending",
  "confirmed",
  "completed",
  "rejected",
  "cancelled",
  "expired",
  "no_show",
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** The state of a stream before its first event: what commands other than a create meet. */
export type BookingStateStatus = BookingStatus | "not_existing";

/**
 * Statuses whose booking holds its resources (buffers included). Pending blocks too: peers
 * that let pending requests stay invisible end up with admins confirming two overlaps.
 */
export const BLOCKING_STATUSES: readonly BookingStatus[] = Object.freeze([
  "held",
  "pending",
  "confirmed",
]);

export function isBlocking(status: BookingStateStatus): boolean {
  return (BLOCKING_STATUSES as readonly string[]).includes(status);
}

/** Nothing is ever recorded after these: the booking's story is over. */
const TERMINAL_STATUSES: readonly BookingStatus[] = Object.freeze([
  "completed",
  "rejected",
  "cancelled",
  "expired",
  "no_show",
]);

export function isTerminal(status: BookingStateStatus): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
