import type { LocalDate, Resource, SlotOffering, Venue } from "../catalog/catalog.types.ts";
import type { BlockingReservation } from "./blocking-reservation.ts";
import { bookingWindow } from "./booking-window.ts";
import { closedDays } from "./closure-calendar.ts";
import { eligibleResources, indexById } from "./eligible-resources.ts";
import { addDays, dayNumber, MINUTE_MS } from "./local-date.ts";
import { gridRange, openingSpans } from "./opening-spans.ts";
import { markBusyWindows } from "./window-sweep.ts";

export interface SlotAvailabilityQuery {
  offering: SlotOffering;
  venue: Venue;
  /** The venue's resources (others are ignored); retired ones are never free. */
  resources: readonly Resource[];
  /** Reservation periods include their bookings' buffers. */
  reservations: readonly BlockingReservation[];
  /** First local date, inclusive. */
  from: LocalDate;
  /** Last local date, exclusive. */
  to: LocalDate;
  /** Minimum notice and maximum advance are measured from here. */
  now: Date;
  /** When given, only resources with at least this capacity count. */
  guests?: number;
}

export interface AvailableSlot {
  /** UTC ISO instant the appointment starts. */
  start: string;
  /** UTC ISO instant it ends, buffers not included. */
  end: string;
  freeResourceIds: string[];
}

/**
 * Bookable slots in local dates [from, to): on each opening interval's step grid, with the
 * buffered period inside the interval, outside closures, within minimum notice and
 * maximum advance, and with at least one eligible resource whose reservations leave the
 * buffered period free. Ascending by start.
 */
export function slotAvailability(query: SlotAvailabilityQuery): AvailableSlot[] {
  const settings = query.offering.slot;
  const step = settings.stepMinutes * MINUTE_MS;
  const window = bookingWindow(query.venue.policies, query.now);
  const closed = closedDays(query.venue.closures);
  const candidates: number[] = [];
  for (let day = dayNumber(query.from); day < dayNumber(query.to); day++) {
    for (const span of openingSpans(query.venue, closed, day)) {
      const { first, last } = gridRange(span, settings, window);
      for (let k = first; k <= last; k++) candidates.push(span.start + k * step);
    }
  }

  // Valid opening hours never overlap, so candidates ascend already; overlapping ones
  // would break the sweep's ordering, hence the cheap guard.
  if (!isStrictlyAscending(candidates)) {
    const unique = [...new Set(candidates)].sort((a, b) => a - b);
    candidates.splice(0, candidates.length, ...unique);
  }

  const before = settings.bufferBeforeMinutes * MINUTE_MS;
  const after = (settings.durationMinutes + settings.bufferAfterMinutes) * MINUTE_MS;
  const starts = new Float64Array(candidates.length);
  const ends = new Float64Array(candidates.length);
  candidates.forEach((start, index) => {
    starts[index] = start - before;
    ends[index] = start + after;
  });
  const resources = eligibleResources(query.offering, query.resources, query.guests);
  const busy = markBusyWindows({ starts, ends }, query.reservations, indexById(resources));

  const duration = settings.durationMinutes * MINUTE_MS;
  const slots: AvailableSlot[] = [];
  candidates.forEach((start, slot) => {
    const freeResourceIds: string[] = [];
    resources.forEach((resource, index) => {
      if (busy[index * candidates.length + slot] === 0) freeResourceIds.push(resource.id);
    });
    if (freeResourceIds.length === 0) return;
    slots.push({
      start: new Date(start).toISOString(),
      end: new Date(start + duration).toISOString(),
      freeResourceIds,
    });
  });
  return slots;
}

/** The slots of one local date: `GET /offerings/{id}/slots?date=`. */
export function slotsOnDate(
  query: Omit<SlotAvailabilityQuery, "from" | "to"> & { date: LocalDate },
): AvailableSlot[] {
  const { date, ...rest } = query;
  return slotAvailability({ ...rest, from: date, to: addDays(date, 1) });
}

function isStrictlyAscending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) <= (values[i - 1] as number)) return false;
  }
  return true;
}
