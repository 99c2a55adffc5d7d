import { closedDays } from "../availability/closure-calendar.ts";
import { dayNumber, MINUTE_MS } from "../availability/local-date.ts";
import { openingSpans } from "../availability/opening-spans.ts";
import type { Venue } from "../catalog/catalog.types.ts";
import type { Month, MonthFigures } from "./booking-statistics.ts";

/** The local dates of a month as day numbers, first (inclusive) to end (exclusive). */
function daysOf(month: Month): { first: number; end: number } {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  const first = dayNumber(`${month}-01`);
  const next =
    index === 12 ? `${year + 1}-01-01` : `${year}-${String(index + 1).padStart(2, "0")}-01`;
  return { first, end: dayNumber(next) };
}

export function nightsInMonth(month: Month): number {
  const { first, end } = daysOf(month);
  return end - first;
}

/**
 * Minutes one resource of the venue is open in the month: its opening hours on every day
 * that is not a closure, as real time (a DST night shortens or lengthens an interval that
 * spans it, as the wall clock does).
 */
export function openMinutesInMonth(venue: Venue, month: Month): number {
  const closed = closedDays(venue.closures);
  const { first, end } = daysOf(month);
  let total = 0;
  for (let day = first; day < end; day++) {
    for (const span of openingSpans(venue, closed, day)) {
      total += (span.end - span.start) / MINUTE_MS;
    }
  }
  return Math.round(total);
}

/** What a month can hold: rooms of stay offerings, resources of slot offerings. */
export interface MonthCapacity {
  stayResources: number;
  slotResources: number;
  nights: number;
  /** Open minutes of one resource. */
  openMinutes: number;
}

/**
 * Occupancy from 0 to 1: for stays the booked room-nights of the month over rooms × nights,
 * for slots the booked minutes over the minutes the resources are open. A venue with both
 * weighs each part by its number of resources. Resources deactivated since are not in
 * the capacity, so the figure is capped at 1; rounded to 4 decimals.
 */
export function occupancy(
  figures: Pick<MonthFigures, "roomNights" | "slotMinutes">,
  capacity: MonthCapacity,
): number {
  const parts: { share: number; weight: number }[] = [];
  const stayCapacity = capacity.stayResources * capacity.nights;
  if (stayCapacity > 0) {
    parts.push({ share: figures.roomNights / stayCapacity, weight: capacity.stayResources });
  }
  const slotCapacity = capacity.slotResources * capacity.openMinutes;
  if (slotCapacity > 0) {
    parts.push({ share: figures.slotMinutes / slotCapacity, weight: capacity.slotResources });
  }
  const weight = parts.reduce((sum, part) => sum + part.weight, 0);
  if (weight === 0) return 0;
  const share = parts.reduce((sum, part) => sum + part.share * part.weight, 0) / weight;
  return Math.round(Math.min(1, Math.max(0, share)) * 10_000) / 10_000;
}
