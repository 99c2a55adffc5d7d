import type { SlotOffering, SlotSettings } from "../catalog/catalog.types.ts";
import {
  type EpochPeriod,
  type InstantInput,
  type InstantPeriod,
  toEpochMs,
  toInstantPeriod,
} from "./blocking-reservation.ts";
import { MINUTE_MS } from "./local-date.ts";

/** The period a slot blocks its resource: the appointment widened by both buffers. */
export function slotPeriodMs(settings: SlotSettings, start: number): EpochPeriod {
  return {
    start: start - settings.bufferBeforeMinutes * MINUTE_MS,
    end: start + (settings.durationMinutes + settings.bufferAfterMinutes) * MINUTE_MS,
  };
}

/** [start, end) a slot booking starting at `start` reserves, buffers included, in UTC ISO. */
export function slotPeriod(offering: SlotOffering, start: InstantInput): InstantPeriod {
  return toInstantPeriod(slotPeriodMs(offering.slot, toEpochMs(start)));
}
