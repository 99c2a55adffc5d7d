import { type Offering, type Resource, slotPeriod } from "@booking/domain";
import type pg from "pg";

/**
 * For a slot booking that leaves the resource open: the offering's eligible resources that
 * look free at that time. A look, not a promise: the exclusion constraint has the last
 * word, and the caller tries the next one when it loses a race.
 */
export async function freeSlotResources(
  pool: pg.Pool,
  offering: Offering,
  resources: readonly Resource[],
  start: string,
  guests: number,
): Promise<string[]> {
  if (offering.mode !== "slot") return [];
  const eligible = resources.filter(
    (resource) =>
      resource.active && resource.capacity >= guests && offering.resourceIds.includes(resource.id),
  );
  const period = slotPeriod(offering, start);
  const { rows } = await pool.query<{ resource_id: string }>(
    `SELECT DISTINCT resource_id FROM reservations
     WHERE blocking AND resource_id = ANY($1::uuid[]) AND period && tstzrange($2, $3)`,
    [eligible.map((resource) => resource.id), period.start, period.end],
  );
  const taken = new Set(rows.map((row) => row.resource_id));
  return eligible.map((resource) => resource.id).filter((id) => !taken.has(id));
}
