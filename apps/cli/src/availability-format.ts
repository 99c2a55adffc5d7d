import { formatLocalInterval, withWeekday } from "./local-time.ts";
import { formatTable } from "./table.ts";

/** Nights of a stay offering: how many rooms are free and which. */
export function nightsTable(
  nights: { date: string; freeResourceIds: string[] }[],
  nameOf: (resourceId: string) => string,
): string[] {
  return formatTable(
    ["NIGHT", "FREE", "ROOMS"],
    nights.map((night) => [
      withWeekday(night.date),
      String(night.freeResourceIds.length),
      night.freeResourceIds.length === 0 ? "-" : night.freeResourceIds.map(nameOf).join(", "),
    ]),
  );
}

/** Free slots in the venue's local time with the number of free resources. */
export function slotsTable(
  slots: { start: string; end: string; freeResourceIds: string[] }[],
  timeZone: string,
): string[] {
  return formatTable(
    [`SLOT (${timeZone})`, "FREE", "--start"],
    slots.map((slot) => [
      formatLocalInterval(slot.start, slot.end, timeZone),
      String(slot.freeResourceIds.length),
      slot.start,
    ]),
  );
}
