import type { OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import type pg from "pg";
import { AppError } from "../errors/app-error.ts";
import { type CatalogKind, catalogKinds } from "./catalog-kinds.ts";

/** What each table's `data` holds: written only by the projection, from validated input. */
export interface CatalogEntities {
  venue: VenueDto;
  resource: ResourceDto;
  offering: OfferingDto;
}

export async function findEntity<K extends CatalogKind>(
  pool: pg.Pool,
  kind: K,
  id: string,
): Promise<CatalogEntities[K] | undefined> {
  const { rows } = await pool.query<{ data: CatalogEntities[K] }>(
    `SELECT data FROM ${catalogKinds[kind].table} WHERE id = $1`,
    [id],
  );
  return rows[0]?.data;
}

export async function requireEntity<K extends CatalogKind>(
  pool: pg.Pool,
  kind: K,
  id: string,
): Promise<CatalogEntities[K]> {
  const entity = await findEntity(pool, kind, id);
  if (!entity) throw new AppError("NOT_FOUND", `No such ${catalogKinds[kind].label}.`);
  return entity;
}

/** Resources or offerings of a venue, in creation order. */
export async function listOfVenue<K extends "resource" | "offering">(
  pool: pg.Pool,
  kind: K,
  venueId: string,
): Promise<CatalogEntities[K][]> {
  const { rows } = await pool.query<{ data: CatalogEntities[K] }>(
    `SELECT data FROM ${catalogKinds[kind].table} WHERE venue_id = $1 ORDER BY created_at, id`,
    [venueId],
  );
  return rows.map((row) => row.data);
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
export async function searchVenues(pool: pg.Pool, search: VenueSearch) {
  const distance = `6371 * 2 * asin(sqrt(power(sin(radians(lat - $2) / 2), 2)
    + cos(radians($2)) * cos(radians(lat)) * power(sin(radians(lng - $3) / 2), 2)))`;
  const { rows } = await pool.query<{ data: VenueDto; distance_km: number | null }>(
    `SELECT data, CASE WHEN $2::float8 IS NULL THEN NULL ELSE ${distance} END AS distance_km
     FROM venues
     WHERE ($1::text IS NULL OR starts_with(postal_code, $1))
       AND ($2::float8 IS NULL OR lat IS NOT NULL)
       AND ($4::float8 IS NULL OR ${distance} <= $4)
     ORDER BY CASE WHEN $2::float8 IS NULL THEN NULL ELSE ${distance} END NULLS LAST, name, id
     OFFSET $5 LIMIT $6`,
    [
      search.postalCode ?? null,
      search.near?.lat ?? null,
      search.near?.lng ?? null,
      search.near ? (search.radiusKm ?? null) : null,
      search.offset,
      search.limit + 1,
    ],
  );
  return rows;
}
