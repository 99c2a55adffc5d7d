import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { AppError } from "../errors/app-error.ts";
import { type CatalogKind, catalogKinds } from "./catalog-kinds.ts";

/** What each table's `data` holds: written only by the projection, from validated input. */
export interface CatalogEntities {
  venue: VenueDto;
  resource: ResourceDto;
  offering: OfferingDto;
}

export async function findEntity<K extends CatalogKind>(
  db: Kysely<Database>,
  kind: K,
  id: string,
): Promise<CatalogEntities[K] | undefined> {
  const row = await db
    .selectFrom(catalogKinds[kind].table)
    .select("data")
    .where("id", "=", id)
    .executeTakeFirst();
  // The kind's table holds the kind's entity.
  return row?.data as CatalogEntities[K] | undefined;
}

export async function requireEntity<K extends CatalogKind>(
  db: Kysely<Database>,
  kind: K,
  id: string,
): Promise<CatalogEntities[K]> {
  const entity = await findEntity(db, kind, id);
  if (!entity) throw new AppError("NOT_FOUND", `No such ${catalogKinds[kind].label}.`);
  return entity;
}

/** Resources or offerings of a venue, in creation order. */
export async function listOfVenue<K extends "resource" | "offering">(
  db: Kysely<Database>,
  kind: K,
  venueId: string,
): Promise<CatalogEntities[K][]> {
  const rows = await db
    .selectFrom(catalogKinds[kind].table)
    .select("data")
    .where("venue_id", "=", venueId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => row.data as CatalogEntities[K]);
}

export interface VenueSearch {
  postalCode?: string | undefined;
  near?: { lat: number; lng: number } | undefined;
  radiusKm?: number | undefined;
  offset: number;
  limit: number;
}

/**
 * Venues by postal-code prefix (taken literally: `%` and `_` are characters, not
 * wildcards) and/or distance (great-circle, in SQL: a few hundred venues
 * need no spatial index). With `near`, nearest first; otherwise by name.
 */
export async function searchVenues(db: Kysely<Database>, search: VenueSearch) {
  const { postalCode, near } = search;
  // Kysely has no trigonometry: the haversine formula, in kilometres.
  const distance = near
    ? sql<number | null>`6371 * 2 * asin(sqrt(power(sin(radians(lat - ${near.lat}) / 2), 2)
        + cos(radians(${near.lat})) * cos(radians(lat)) * power(sin(radians(lng - ${near.lng}) / 2), 2)))`
    : undefined;
  let query = db
    .selectFrom("venues")
    .select(["data", (distance ?? sql<null>`NULL`).as("distance_km")]);
  if (postalCode !== undefined) {
    query = query.where((eb) =>
      eb.fn<boolean>("starts_with", [eb.ref("postal_code"), eb.val(postalCode)]),
    );
  }
  if (distance) {
    query = query.where("lat", "is not", null);
    if (search.radiusKm !== undefined) query = query.where(distance, "<=", search.radiusKm);
    query = query.orderBy("distance_km", (order) => order.nullsLast());
  }
  return query
    .orderBy("name")
    .orderBy("id")
    .offset(search.offset)
    .limit(search.limit + 1)
    .execute();
}
