import { type Offering, type Resource, slotPeriod } from "@booking/domain";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * For a slot booking that leaves the resource open: the offering's eligible resources that
 * look free at that time. A look, not a promise: the exclusion constraint has the last
 * word, and the caller tries the next one when it loses a race.
 */
export async function freeSlotResources(
  db: Kysely<Database>,
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
  const rows = await db
    .selectFrom("reservations")
    .select("resource_id")
    .distinct()
    .where((eb) => eb.ref("blocking"))
    .where((eb) =>
      eb("resource_id", "=", eb.fn.any(sql<string[]>`${eligible.map((r) => r.id)}::uuid[]`)),
    )
    .where("period", "&&", sql<string>`tstzrange(${period.start}, ${period.end})`)
    .execute();
  const taken = new Set(rows.map((row) => row.resource_id));
  return eligible.map((resource) => resource.id).filter((id) => !taken.has(id));
}
