import type { VenuePolicies } from "../catalog/catalog.types.ts";
import { DAY_MS, MINUTE_MS } from "./local-date.ts";

/**
 * The instants a booking may start at, seen at `now`: not before the minimum notice, not
 * after the maximum advance. Max advance counts 24-hour days from `now`, so the bound is one
 * instant whatever DST does in between.
 */
export interface BookingWindow {
  now: number;
  earliest: number;
  latest: number;
}

export function bookingWindow(policies: VenuePolicies, now: Date): BookingWindow {
  const at = now.getTime();
  return {
    now: at,
    earliest: at + policies.minNoticeMinutes * MINUTE_MS,
    latest: at + policies.maxAdvanceDays * DAY_MS,
  };
}

export function isWithinBookingWindow(window: BookingWindow, start: number): boolean {
  return start >= window.now && start >= window.earliest && start <= window.latest;
}
