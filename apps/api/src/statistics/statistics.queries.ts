import type { MonthlyStatistics } from "@booking/contracts";
import {
  type MonthFigures,
  NO_FIGURES,
  nightsInMonth,
  occupancy,
  openMinutesInMonth,
} from "@booking/domain";
import { listOfVenue, requireEntity } from "../catalog/catalog.queries.ts";
import type { AppContext } from "../context/app-context.ts";

/**
 * The twelve months of a venue's year: the figures the projection summed, and occupancy
 * against the venue's capacity as the catalog has it now (its active resources, opening
 * hours and closures).
 */
export async function monthlyStatistics(
  ctx: AppContext,
  input: { year: number; venueId: string },
): Promise<MonthlyStatistics> {
  const { db } = ctx.deps.database;
  const venue = await requireEntity(db, "venue", input.venueId);
  const [resources, offerings, rows] = await Promise.all([
    listOfVenue(db, "resource", venue.id),
    listOfVenue(db, "offering", venue.id),
    db
      .selectFrom("statistics_monthly")
      .selectAll()
      .where("venue_id", "=", venue.id)
      .where("month", ">=", `${input.year}-01`)
      .where("month", "<=", `${input.year}-12`)
      .execute(),
  ]);
  const active = new Set(resources.filter((r) => r.active).map((r) => r.id));
  const resourcesOf = (mode: "stay" | "slot") =>
    new Set(
      offerings
        .filter((offering) => offering.mode === mode)
        .flatMap((offering) => offering.resourceIds)
        .filter((id) => active.has(id)),
    ).size;
  const stayResources = resourcesOf("stay");
  const slotResources = resourcesOf("slot");
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const months = Array.from({ length: 12 }, (_, index) => {
    const month = `${input.year}-${String(index + 1).padStart(2, "0")}`;
    const row = byMonth.get(month);
    const figures: MonthFigures = row
      ? {
          bookings: row.bookings,
          confirmed: row.confirmed,
          cancelled: row.cancelled,
          guests: row.guests,
          nights: row.nights,
          revenue: Number(row.revenue),
          roomNights: row.room_nights,
          slotMinutes: Number(row.slot_minutes),
        }
      : NO_FIGURES;
    const capacity = {
      stayResources,
      slotResources,
      nights: nightsInMonth(month),
      openMinutes: slotResources > 0 ? openMinutesInMonth(venue, month) : 0,
    };
    return {
      month,
      bookings: figures.bookings,
      guests: figures.guests,
      nights: figures.nights,
      revenue: figures.revenue,
      confirmed: figures.confirmed,
      cancelled: figures.cancelled,
      occupancy: occupancy(figures, capacity),
    };
  });
  return { venueId: venue.id, year: input.year, currency: venue.currency, months };
}
